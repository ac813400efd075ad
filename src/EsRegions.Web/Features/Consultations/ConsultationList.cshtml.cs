using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Consultations;

/// <summary>The region's consultations, newest first.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ConsultationListModel(ConsultationQueries queries) : PageModel
{
    public IReadOnlyList<ConsultationSummaryDto> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await queries.ListAsync(ct);
}
