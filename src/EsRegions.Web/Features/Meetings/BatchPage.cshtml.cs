using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>A sending's progress (queued / sent / failed per person), refreshed by a small script while e-mails are going out.</summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class BatchPageModel(EsRegionsDbContext db) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public OutboxProgressView Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid batchId, CancellationToken ct)
    {
        Meeting = (await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct))!;
        var batch = Meeting is null ? null : await db.Set<InvitationBatch>().FirstOrDefaultAsync(b => b.Id == batchId && b.MeetingId == id, ct);
        if (batch is null) return NotFound();
        Progress = await OutboxProgress.ViewAsync(db, batch.KeyPrefix, ct);
        return Page();
    }
}
