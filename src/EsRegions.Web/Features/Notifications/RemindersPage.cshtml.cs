using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// The region's reminders for staff and the committee secretariat: what goes out next and to whom, what went out in the
/// last 30 days, and the region's lead times (tenant.json, changed by the platform's operator).
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class RemindersPageModel(EsRegionsDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const int ShownRows = 200;
    public const int SentDays = 30;

    public sealed record Row(string Kind, string SubjectTitle, string? LinkPath, DateOnly Deadline, DateTimeOffset At);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public int UpcomingCount { get; private set; }
    public IReadOnlyList<Row> Sent { get; private set; } = [];
    public ReminderPolicy Policy { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Policy = tenant.Required.Settings.Reminders;
        var scheduled = db.Set<Reminder>().AsNoTracking().Where(r => r.State == ReminderState.Scheduled);
        UpcomingCount = await scheduled.CountAsync(ct);
        Upcoming = await scheduled.OrderBy(r => r.DueAt).ThenBy(r => r.SubjectTitle).Take(ShownRows)
            .Select(r => new Row(r.Kind, r.SubjectTitle, r.LinkPath, r.Deadline, r.DueAt))
            .ToListAsync(ct);
        var since = clock.GetUtcNow().AddDays(-SentDays);
        Sent = await db.Set<Reminder>().AsNoTracking()
            .Where(r => r.State == ReminderState.Sent && r.SentAt >= since)
            .OrderByDescending(r => r.SentAt).Take(ShownRows)
            .Select(r => new Row(r.Kind, r.SubjectTitle, r.LinkPath, r.Deadline, r.SentAt!.Value))
            .ToListAsync(ct);
    }
}
