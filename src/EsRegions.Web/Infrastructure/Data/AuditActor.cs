using System.Security.Claims;

namespace EsRegions.Web.Infrastructure.Data;

/// <summary>Who is changing data in this scope: the signed-in user, or a named job or loader.</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private string? _explicit;

    /// <summary>Names the actor of a background scope, e.g. "job:reminder-sweep" or "loader:tenant-data".</summary>
    public void Set(string actor) => _explicit = actor;

    public string Name
    {
        get
        {
            if (_explicit is not null) return _explicit;
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return "anonymous";
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub");
            var name = user.Identity.Name;
            return $"user:{id ?? name}" + (name is not null && id is not null ? $" ({name})" : "");
        }
    }
}
