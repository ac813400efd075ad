using Microsoft.AspNetCore.Authorization;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Tenancy;

[TenantScoped]
[AllowAnonymous]
public sealed class TenantHomeModel(TenantContext tenant) : PageModel
{
    public Tenant Tenant => tenant.Required;

    public void OnGet() { }
}
