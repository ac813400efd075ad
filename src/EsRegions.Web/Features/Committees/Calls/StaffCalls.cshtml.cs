using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>The secretariat's list of calls for members, drafts included, with the applications waiting for a decision.</summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class StaffCallsModel(EsRegionsDbContext db) : PageModel
{
    public sealed record Row(MemberCall Call, string Committee, int Applications, int Pending);

    public IReadOnlyList<Row> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var committees = await db.Set<Committee>().ToDictionaryAsync(c => c.Id, c => c.ShortName ?? c.Name, ct);
        var counts = await db.Set<CallApplication>().GroupBy(a => a.CallId)
            .Select(g => new { g.Key, All = g.Count(), Pending = g.Count(a => a.Status == ApplicationStatus.Submitted) }).ToDictionaryAsync(x => x.Key, ct);
        var calls = await db.Set<MemberCall>().OrderByDescending(c => c.ApplicationDeadline).ToListAsync(ct);
        Calls = calls.Select(c => new Row(c, committees[c.CommitteeId], counts.GetValueOrDefault(c.Id)?.All ?? 0, counts.GetValueOrDefault(c.Id)?.Pending ?? 0)).ToList();
    }
}
