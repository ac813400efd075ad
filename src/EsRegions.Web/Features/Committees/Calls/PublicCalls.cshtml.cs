using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>The region's public calls for members: open ones first, then past ones. Drafts are never shown.</summary>
[TenantScoped]
[AllowAnonymous]
[EnableRateLimiting(EmailLinkPages.RateLimitPolicy)]
public sealed class PublicCallsModel(EsRegionsDbContext db, MemberCalls calls) : PageModel
{
    public sealed record Row(MemberCall Call, string Committee, bool Open);

    public IReadOnlyList<Row> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var committees = await db.Set<Committee>().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var list = await db.Set<MemberCall>().Where(c => c.Status != CallStatus.Draft).OrderByDescending(c => c.ApplicationDeadline).ToListAsync(ct);
        Calls = list.Select(c => new Row(c, committees[c.CommitteeId], c.AcceptsApplications(calls.Today)))
            .OrderByDescending(r => r.Open).ToList();
    }
}
