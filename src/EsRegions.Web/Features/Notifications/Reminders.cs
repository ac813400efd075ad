using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>What a module asks to be reminded of: a kind (tenant.json reminders.kinds), a subject and its deadline.</summary>
/// <param name="CatchUp">
/// When every lead time before the deadline has already passed (a member added with a term ending in 30 days, a
/// 60-day lead time), one reminder goes out at the next 08:00 instead, so the recipients still hear before the
/// deadline. Off for subjects whose own invitation has just told the recipients the date (meetings, consultations).
/// </param>
public sealed record ReminderRequest(
    string Kind,
    string SubjectType,
    Guid SubjectId,
    string SubjectTitle,
    DateOnly Deadline,
    string? LinkPath,
    IReadOnlyList<EmailAddress> Recipients,
    string AudienceRule = ReminderAudience.Explicit,
    bool CatchUp = true);

/// <summary>
/// The API modules use: schedule, reschedule or cancel the reminders of a subject. Occurrences follow the tenant's
/// lead times (days before / after the deadline, at 08:00 Warsaw time) and its rule for deadlines on non-working days.
/// Changes are saved by the caller's SaveChanges, with the business change.
/// </summary>
public sealed class Reminders(EsRegionsDbContext db, TenantContext tenant, TimeProvider clock)
{
    public static readonly TimeOnly SendTime = new(8, 0);

    public async Task<IReadOnlyList<Reminder>> ScheduleAsync(ReminderRequest request, CancellationToken ct = default)
    {
        var policy = tenant.Required.Settings.Reminders;
        if (!ReminderPolicy.KnownKinds.Contains(request.Kind))
            throw new ArgumentException($"Unknown reminder kind '{request.Kind}'.", nameof(request));
        if (!policy.Kinds.TryGetValue(request.Kind, out var rule)) return [];
        var deadline = PolishCalendar.AdjustDeadline(request.Deadline, policy.MoveDeadlineToNextWorkingDay);
        var now = clock.GetUtcNow();
        var occurrences = rule.DaysBefore.Select(d => (Offset: -d, Date: deadline.AddDays(-d)))
            .Concat(rule.DaysAfter.Select(d => (Offset: d, Date: deadline.AddDays(d))))
            .Select(o => (o.Offset, DueAt: PolishCalendar.AtWarsawTime(o.Date, SendTime)))
            .Where(o => o.DueAt > now)
            .ToList();
        if (request.CatchUp && CatchUpBefore(rule, deadline, now) is { } catchUp)
            occurrences.Add(catchUp);
        var keys = occurrences.Select(o => Key(request, deadline, o.Offset)).ToList();
        var existing = await db.Set<Reminder>().Where(r => keys.Contains(r.OccurrenceKey)).ToListAsync(ct);
        // An occurrence cancelled earlier (the subject was closed, then reopened with the same deadline) is due again,
        // and one still to go out names the subject as it is now.
        existing.ForEach(r => r.Reopen(request));
        var added = occurrences
            .Select(o => new Reminder(request, deadline, o.DueAt, Key(request, deadline, o.Offset)))
            .Where(r => existing.All(e => e.OccurrenceKey != r.OccurrenceKey))
            .ToList();
        db.AddRange(added);
        return added;
    }

    /// <summary>The deadline moved: unsent occurrences are cancelled and new ones scheduled; sent ones stay sent.</summary>
    public async Task<IReadOnlyList<Reminder>> RescheduleAsync(ReminderRequest request, CancellationToken ct = default)
    {
        await CancelAsync(request.SubjectType, request.SubjectId, request.Kind, ct);
        return await ScheduleAsync(request, ct);
    }

    /// <summary>
    /// One occurrence due at a given instant instead of the tenant's lead times (a subject ended earlier than planned,
    /// e.g. a consultation closed early: staff hear at the actual close). Nothing when the tenant does not use the kind.
    /// </summary>
    public async Task<Reminder?> ScheduleAtAsync(ReminderRequest request, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        if (!ReminderPolicy.KnownKinds.Contains(request.Kind))
            throw new ArgumentException($"Unknown reminder kind '{request.Kind}'.", nameof(request));
        if (!tenant.Required.Settings.Reminders.Kinds.ContainsKey(request.Kind)) return null;
        var key = $"{request.Kind}:{request.SubjectType}:{request.SubjectId:N}:at{dueAt.UtcDateTime:yyyyMMddHHmmss}";
        if (await db.Set<Reminder>().FirstOrDefaultAsync(r => r.OccurrenceKey == key, ct) is { } existing)
        {
            existing.Reopen(request);
            return existing;
        }
        var reminder = new Reminder(request, request.Deadline, dueAt, key);
        db.Add(reminder);
        return reminder;
    }

    /// <summary>
    /// Cancels the subject's unsent reminders (of one kind, or all kinds), held ones too; an occurrence scheduled again
    /// for the same deadline comes back as it was, held or not.
    /// </summary>
    public async Task CancelAsync(string subjectType, Guid subjectId, string? kind = null, CancellationToken ct = default)
    {
        var scheduled = await db.Set<Reminder>()
            .Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId
                && (r.State == ReminderState.Scheduled || r.State == ReminderState.Held))
            .Where(r => kind == null || r.Kind == kind)
            .ToListAsync(ct);
        scheduled.ForEach(r => r.Cancel());
    }

    /// <summary>
    /// Deletes every reminder of a subject, sent ones too (their title may name a person whose data is erased); e-mails
    /// already written are the outbox's to erase.
    /// </summary>
    public async Task ForgetAsync(string subjectType, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct = default) =>
        db.RemoveRange(await db.Set<Reminder>().Where(r => r.SubjectType == subjectType && subjectIds.Contains(r.SubjectId)).ToListAsync(ct));

    /// <summary>
    /// The reminder that stands in for lead times already passed: keyed as the shortest of them (so one already sent for
    /// this deadline is not sent again), due at the next 08:00 Warsaw time, or at once when that would be after the deadline.
    /// None while a lead time is still ahead, and none once the deadline's day is over.
    /// </summary>
    private static (int Offset, DateTimeOffset DueAt)? CatchUpBefore(ReminderRule rule, DateOnly deadline, DateTimeOffset now)
    {
        var today = PolishCalendar.WarsawDate(now);
        if (rule.DaysBefore.Count == 0 || deadline < today) return null;
        if (rule.DaysBefore.Any(d => PolishCalendar.AtWarsawTime(deadline.AddDays(-d), SendTime) > now)) return null;
        var next = PolishCalendar.AtWarsawTime(today, SendTime);
        if (next < now) next = PolishCalendar.AtWarsawTime(today.AddDays(1), SendTime);
        return (-rule.DaysBefore.Min(), PolishCalendar.WarsawDate(next) <= deadline ? next : now);
    }

    private static string Key(ReminderRequest r, DateOnly deadline, int offsetDays) =>
        $"{r.Kind}:{r.SubjectType}:{r.SubjectId:N}:{deadline:yyyyMMdd}:{(offsetDays < 0 ? "" : "+")}{offsetDays}d";
}
