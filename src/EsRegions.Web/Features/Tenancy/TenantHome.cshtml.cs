using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Features.Plans.Schedules;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Tenancy;

/// <summary>
/// The region's front page, for anyone: who runs it and how to reach them, and where the public takes part —
/// consultations open to every commenter, published consultation reports, calls for members and the public calendar.
/// A signed-in member of the region first sees what waits for them: open reporting periods (an implementer their own
/// indicators), the next meetings (for the secretariat with the invitees' answers, the calls for members whose
/// applications wait for a decision and the seats whose term ends soon), and for staff the consultation comments still
/// without an answer, the e-mails that could not be sent, and the drafting of plans: plans not yet adopted and the
/// drafting schedules' tasks not done whose end quarter has come.
/// </summary>
[TenantScoped]
[AllowAnonymous]
public sealed class TenantHomeModel(TenantContext tenant, ConsultationQueries consultations, MemberCalls calls,
    IAuthorizationService authorization, ReportingProgress reporting, CalendarQuery calendar, EsRegionsDbContext db) : PageModel
{
    /// <summary>How far ahead the home page looks for meetings, and how many it lists.</summary>
    public const int MeetingDays = 30, MeetingsShown = 5;

    /// <summary>The newest published reports shown; older ones stay at their addresses.</summary>
    public const int ReportsShown = 10;

    public Tenant Tenant => tenant.Required;
    public IReadOnlyList<PublicConsultation> OpenConsultations { get; private set; } = [];
    public IReadOnlyList<PublicConsultation> Reports { get; private set; } = [];
    public int OpenCalls { get; private set; }

    /// <summary>The reader is a signed-in member of this region (their work is shown above the public part).</summary>
    public bool IsMember { get; private set; }
    public bool IsStaff { get; private set; }
    /// <summary>The reader reports (an implementer) or oversees reporting (staff); a secretary or committee member does neither.</summary>
    public bool ShowsReporting { get; private set; }
    /// <summary>Open periods that expect values from the reader (staff: from any implementer), overdue and soonest due first.</summary>
    public IReadOnlyList<(PlanProgress Plan, PeriodProgress Period)> OpenPeriods { get; private set; } = [];
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    /// <summary>For the secretariat: the invitees' answers per listed meeting that has invitations.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<RsvpStatus, int>> Answers { get; private set; } = new Dictionary<Guid, IReadOnlyDictionary<RsvpStatus, int>>();
    public IReadOnlyList<ConsultationToAnswer> ToAnswer { get; private set; } = [];
    /// <summary>Staff and committee secretaries: calls for members whose applications wait for a decision (null: not theirs to see).</summary>
    public IReadOnlyList<CallAwaitingDecision>? Applications { get; private set; }

    /// <summary>For the secretariat: seats whose term ends within <see cref="TermDays"/> (null for everybody else).</summary>
    public IReadOnlyList<TermEnding>? TermsEnding { get; private set; }
    public int TermDays { get; private set; }

    public sealed record TermEnding(Guid CommitteeId, string Committee, Guid MemberId, string Name, DateOnly TermTo);
    /// <summary>Staff: e-mails that failed for good and wait for someone to look at them on the delivery page.</summary>
    public int FailedEmails { get; private set; }

    /// <summary>Staff: plans being drafted (a draft or in consultation), each led to its state page.</summary>
    public IReadOnlyList<Plan> PlansInDrafting { get; private set; } = [];

    /// <summary>How many schedule tasks the home page lists; the rest are counted.</summary>
    public const int TasksShown = 8;

    /// <summary>
    /// Staff: schedule tasks not done whose end quarter is this one or past (overdue), the latest quarter first, at most
    /// <see cref="TasksShown"/>; <see cref="MoreTasksDue"/> counts the others (e.g. an old schedule never marked done).
    /// </summary>
    public IReadOnlyList<TaskDue> TasksDue { get; private set; } = [];
    public int MoreTasksDue { get; private set; }

    public sealed record TaskDue(Guid ScheduleId, string Schedule, Guid TaskId, string Title, Quarter To, bool Overdue);

    public async Task OnGetAsync(CancellationToken ct)
    {
        (OpenConsultations, Reports) = await consultations.PublicAsync(ReportsShown, ct);
        OpenCalls = await calls.OpenCountAsync(ct);
        IsMember = (await authorization.AuthorizeAsync(User, Policies.TenantApi)).Succeeded;
        if (!IsMember) return;
        IsStaff = (await authorization.AuthorizeAsync(User, Policies.TenantStaff)).Succeeded;
        ShowsReporting = IsStaff || User.IsInRole(Policies.Roles.Implementer);
        if (ShowsReporting) OpenPeriods = (await reporting.PlansAsync(ct))
            .SelectMany(plan => plan.Periods.Where(p => !p.Period.IsLocked && p.Expected > 0).Select(p => (plan, p)))
            .OrderByDescending(x => x.p.Overdue).ThenBy(x => x.p.Period.DueOn ?? DateOnly.MaxValue).ThenBy(x => x.plan.Plan.Title)
            .ToList();
        var today = reporting.Today;
        Meetings = (await calendar.BetweenAsync(today, today.AddDays(MeetingDays), new CalendarFilter(), ct))
            .Where(m => !m.IsCancelled).Take(MeetingsShown).ToList();
        var secretariat = (await authorization.AuthorizeAsync(User, Policies.CommitteeSecretariat)).Succeeded;
        if (secretariat)
        {
            Applications = await calls.AwaitingDecisionAsync(ct);
            // As far ahead as the region's first reminder before a term ends ("termEnding" in tenant.json), 60 days without one.
            TermDays = Tenant.Settings.Reminders.Kinds.TryGetValue("termEnding", out var rule) && rule.DaysBefore.Count > 0 ? rule.DaysBefore.Max() : 60;
            var until = today.AddDays(TermDays);
            TermsEnding = await db.Set<CommitteeMember>()
                .Where(CommitteeMember.SittingOn(today)).Where(m => m.TermTo <= until)
                .Join(db.Set<Committee>(), m => m.CommitteeId, c => c.Id, (m, c) => new { m, c })
                .OrderBy(x => x.m.TermTo).ThenBy(x => x.c.Name).ThenBy(x => x.m.FullName)
                .Select(x => new TermEnding(x.c.Id, x.c.ShortName ?? x.c.Name, x.m.Id, x.m.FullName, x.m.TermTo))
                .ToListAsync(ct);
        }
        if (Meetings.Count > 0 && secretariat)
        {
            var ids = Meetings.Select(m => m.Id).ToList();
            Answers = (await db.Set<Invitation>().Where(i => ids.Contains(i.MeetingId))
                    .GroupBy(i => new { i.MeetingId, i.Status }).Select(g => new { g.Key.MeetingId, g.Key.Status, Count = g.Count() })
                    .ToListAsync(ct))
                .GroupBy(x => x.MeetingId)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<RsvpStatus, int>)g.ToDictionary(x => x.Status, x => x.Count));
        }
        if (IsStaff)
        {
            ToAnswer = await consultations.ToAnswerAsync(ct);
            FailedEmails = await db.Set<OutboxMessage>().CountAsync(m => m.State == OutboxState.Failed, ct);
            PlansInDrafting = await db.Set<Plan>().AsNoTracking()
                .Where(p => p.Status == PlanStatus.Draft || p.Status == PlanStatus.InConsultation).OrderBy(p => p.Title).ToListAsync(ct);
            var quarter = Quarter.Of(today);
            // A region's schedules hold tens of tasks: those not done are read and compared by quarter here.
            var due = (await db.Set<ScheduleTask>().AsNoTracking().Where(t => t.Status != ScheduleTaskStatus.Done && t.To != null)
                    .Join(db.Set<PlanSchedule>(), t => t.ScheduleId, s => s.Id, (t, s) => new { t.Id, t.Title, t.To, t.ScheduleId, Schedule = s.Title })
                    .ToListAsync(ct))
                .Where(t => t.To!.Value <= quarter)
                .OrderByDescending(t => t.To).ThenBy(t => t.Schedule).ThenBy(t => t.Title)
                .Select(t => new TaskDue(t.ScheduleId, t.Schedule, t.Id, t.Title, t.To!.Value, t.To!.Value < quarter))
                .ToList();
            (TasksDue, MoreTasksDue) = (due.Take(TasksShown).ToList(), Math.Max(0, due.Count - TasksShown));
        }
    }
}
