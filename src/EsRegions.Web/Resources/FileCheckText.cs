namespace EsRegions.Web;

/// <summary>
/// Marker for the messages of the JSON checks (<see cref="Infrastructure.Tenancy.JsonChecker"/> and the plan document
/// reader). Keys are their English templates, as the API and the operator's logs show them;
/// Resources/FileCheckText.pl.resx translates them for the plan import page in Polish.
/// </summary>
public sealed class FileCheckText;
