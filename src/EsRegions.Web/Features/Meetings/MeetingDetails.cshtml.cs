using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// One calendar entry; the secretariat sees the answers, the reminders still to go out (each can be held back on the
/// reminders page) and can cancel the meeting (invitees get METHOD:CANCEL).
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class MeetingDetailsModel(EsRegionsDbContext db, MeetingInvitations invitations, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public string? CommitteeName { get; private set; }
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];
    public IReadOnlyList<InvitationBatch> Batches { get; private set; } = [];
    public bool CanManage { get; private set; }
    /// <summary>The meeting's reminders still to go out or held back (for the secretariat).</summary>
    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>What the reminders page did with one of them ("wstrzymano", "przywrocono"), for the status line.</summary>
    [BindProperty(SupportsGet = true, Name = "przypomnienie")]
    public string? ReminderDone { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        if (Meeting.IsCancelled) return Redirect($"{Request.PathBase}/kalendarz/{id}");
        var batch = await invitations.CancelAsync(Meeting, User.Identity?.Name, ct);
        await db.SaveChangesAsync(ct);
        return Redirect(batch is null ? $"{Request.PathBase}/kalendarz/{id}" : $"{Request.PathBase}/kalendarz/{id}/wysylka/{batch.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Meeting = (await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct))!;
        if (Meeting is null) return false;
        CommitteeName = Meeting.CommitteeId is { } c ? await db.Set<Committee>().Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        CanManage = (await authorization.AuthorizeAsync(User, Policies.CommitteeSecretariat)).Succeeded;
        if (CanManage)
        {
            Invitations = await db.Set<Invitation>().Where(i => i.MeetingId == id).OrderBy(i => i.Name ?? i.Email).ToListAsync(ct);
            Batches = await db.Set<InvitationBatch>().Where(b => b.MeetingId == id).OrderByDescending(b => b.CreatedAt).ToListAsync(ct);
            Now = clock.GetUtcNow();
            Reminders = await db.Set<Reminder>().AsNoTracking()
                .Where(r => r.SubjectType == MeetingInvitations.ReminderSubject && r.SubjectId == id
                    && (r.State == ReminderState.Scheduled || (r.State == ReminderState.Held && r.DueAt > Now)))
                .OrderBy(r => r.DueAt).ToListAsync(ct);
        }
        return true;
    }
}
