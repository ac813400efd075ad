namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// A request that breaks a rule of the domain's state (e.g. archiving a draft plan). Answered with 409 and this
/// message as the problem's detail, so modules write it for the person reading it.
/// </summary>
public class ConflictException(string message) : InvalidOperationException(message);
