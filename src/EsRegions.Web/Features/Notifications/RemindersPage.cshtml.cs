using System.Security.Claims;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// The region's reminders for staff and the committee secretariat: what goes out next and to whom, what was held back,
/// what went out in the last 30 days, and the region's lead times (tenant.json, changed by the platform's operator).
/// Staff may hold back any scheduled reminder and release it while its time is ahead; the secretariat those of the
/// committees' kinds.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class RemindersPageModel(EsRegionsDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const int ShownRows = 200;
    public const int SentDays = 30;

    public sealed record Row(Guid Id, string Kind, string SubjectTitle, string? LinkPath, DateOnly Deadline, DateTimeOffset At,
        string? HeldBy = null, DateTimeOffset? HeldAt = null);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public int UpcomingCount { get; private set; }
    /// <summary>Held reminders whose time is ahead, or passed within the last 30 days (then not sent).</summary>
    public IReadOnlyList<Row> Held { get; private set; } = [];
    public IReadOnlyList<Row> Sent { get; private set; } = [];
    public ReminderPolicy Policy { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    /// <summary>What the last POST did ("wstrzymano" or "przywrocono"), for the status line.</summary>
    [BindProperty(SupportsGet = true, Name = "zrobione")]
    public string? Done { get; set; }

    /// <summary>The page a hold or release was sent from (a meeting's page), to go back to; only this region's pages.</summary>
    [BindProperty(Name = "wroc")]
    public string? ReturnTo { get; set; }

    public bool MayChange(string kind) =>
        User.IsInRole(Policies.Roles.Staff) || User.IsInRole(Policies.Roles.TenantAdmin) || ReminderKinds.IsCommittees(kind);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Policy = tenant.Required.Settings.Reminders;
        Now = clock.GetUtcNow();
        var scheduled = db.Set<Reminder>().AsNoTracking().Where(r => r.State == ReminderState.Scheduled);
        UpcomingCount = await scheduled.CountAsync(ct);
        Upcoming = await scheduled.OrderBy(r => r.DueAt).ThenBy(r => r.SubjectTitle).Take(ShownRows)
            .Select(r => new Row(r.Id, r.Kind, r.SubjectTitle, r.LinkPath, r.Deadline, r.DueAt, null, null))
            .ToListAsync(ct);
        var since = Now.AddDays(-SentDays);
        Held = await db.Set<Reminder>().AsNoTracking()
            .Where(r => r.State == ReminderState.Held && r.DueAt >= since)
            .OrderBy(r => r.DueAt).ThenBy(r => r.SubjectTitle).Take(ShownRows)
            .Select(r => new Row(r.Id, r.Kind, r.SubjectTitle, r.LinkPath, r.Deadline, r.DueAt, r.HeldBy, r.HeldAt))
            .ToListAsync(ct);
        Sent = await db.Set<Reminder>().AsNoTracking()
            .Where(r => r.State == ReminderState.Sent && r.SentAt >= since)
            .OrderByDescending(r => r.SentAt).Take(ShownRows)
            .Select(r => new Row(r.Id, r.Kind, r.SubjectTitle, r.LinkPath, r.Deadline, r.SentAt!.Value, null, null))
            .ToListAsync(ct);
    }

    public Task<IActionResult> OnPostHoldAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, r => r.Hold(Who, clock.GetUtcNow()), "wstrzymano", ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, r => r.Release(clock.GetUtcNow()), "przywrocono", ct);

    /// <summary>
    /// Locks the row first: the sweeper holds it while it writes the e-mails, so a hold sent meanwhile waits and then
    /// finds the reminder sent (a conflict the error page explains) instead of marking a sent reminder held.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Action<Reminder> change, string done, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM reminders WHERE id = {id} FOR UPDATE", ct);
        var reminder = await db.Set<Reminder>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reminder is null) return NotFound();
        if (!MayChange(reminder.Kind)) return Forbid();
        change(reminder);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (ReturnTo is { } back && Url.IsLocalUrl(back) && back.StartsWith(Request.PathBase + "/", StringComparison.Ordinal) && !back.Contains('?'))
            return Redirect($"{back}?przypomnienie={done}#przypomnienia");
        return Redirect($"{Request.PathBase}/przypomnienia?zrobione={done}#{(done == "wstrzymano" ? "wstrzymane" : "zaplanowane")}");
    }

    private string Who => User.FindFirstValue(TenantClaimsPrincipalFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "?";
}
