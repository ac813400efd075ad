using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Tenancy;

/// <summary>
/// The region's front page, for anyone: who runs it and how to reach them, and where the public takes part —
/// consultations open to every commenter, published consultation reports, calls for members and the public calendar.
/// </summary>
[TenantScoped]
[AllowAnonymous]
public sealed class TenantHomeModel(TenantContext tenant, ConsultationQueries consultations, MemberCalls calls) : PageModel
{
    /// <summary>The newest published reports shown; older ones stay at their addresses.</summary>
    public const int ReportsShown = 10;

    public Tenant Tenant => tenant.Required;
    public IReadOnlyList<PublicConsultation> OpenConsultations { get; private set; } = [];
    public IReadOnlyList<PublicConsultation> Reports { get; private set; } = [];
    public int OpenCalls { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (OpenConsultations, Reports) = await consultations.PublicAsync(ReportsShown, ct);
        OpenCalls = await calls.OpenCountAsync(ct);
    }
}
