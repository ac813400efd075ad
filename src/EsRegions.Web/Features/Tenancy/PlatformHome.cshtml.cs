using Microsoft.AspNetCore.Authorization;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Tenancy;

[PlatformScoped]
[AllowAnonymous]
public sealed class PlatformHomeModel(TenantRegistry registry) : PageModel
{
    public IReadOnlyList<Tenant> Regions { get; private set; } = [];

    public void OnGet() => Regions = registry.Active.OrderBy(t => t.Name, StringComparer.Create(new("pl-PL"), false)).ToList();
}
