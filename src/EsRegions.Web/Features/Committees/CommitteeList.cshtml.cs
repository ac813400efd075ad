using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees;

[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class CommitteeListModel(EsRegionsDbContext db, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<Committee> Committees { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public Dictionary<Guid, int> Sitting { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = CommitteesApi.Today(clock);
        Committees = await db.Set<Committee>().OrderBy(c => c.ParentId != null).ThenBy(c => c.Name).ToListAsync(ct);
        Names = Committees.ToDictionary(c => c.Id, c => c.ShortName ?? c.Name);
        Sitting = await db.Set<CommitteeMember>().Where(CommitteeMember.SittingOn(today))
            .GroupBy(m => m.CommitteeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.CommitteeSecretariat)).Succeeded;
    }
}
