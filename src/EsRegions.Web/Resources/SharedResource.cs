namespace EsRegions.Web;

/// <summary>
/// Marker for the shared UI strings. Keys are the Polish texts (Polish is the first language);
/// Resources/SharedResource.en.resx translates them to English.
/// </summary>
public sealed class SharedResource;
