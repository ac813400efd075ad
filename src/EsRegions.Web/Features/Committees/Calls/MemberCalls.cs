using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>An acceptance's seat: role and term (by default 3 years from the decision day).</summary>
public sealed record SeatDecision(MemberRole Role = MemberRole.Member, DateOnly? TermFrom = null, DateOnly? TermTo = null);

/// <summary>A call with applications still waiting for a decision, and the day the call promised an answer by.</summary>
public sealed record CallAwaitingDecision(Guid Id, string Title, DateOnly? ConfirmationBy, int Pending);

/// <summary>
/// The rules of a call that reach beyond one entity: applying (with a confirmation e-mail), accepting into the committee
/// (a new seat and its term reminder), rejecting, the status changes and the reminders before the application deadline
/// (callDeadline) and the confirmation day (callConfirmation, only while applications wait). Saved by the caller's SaveChanges.
/// </summary>
public sealed class MemberCalls(EsRegionsDbContext db, CommitteeRegister register, Reminders reminders, Outbox outbox, EmailComposer composer,
    TenantContext tenant, TimeProvider clock)
{
    public const string SubjectType = "MemberCall";

    public DateOnly Today => CommitteesApi.Today(clock);

    /// <summary>A date in an e-mail: Polish whoever sends it.</summary>
    public static string Date(DateOnly d) => UiFormat.Date(d, UiFormat.Polish);

    public static string PublicPath(Guid callId) => $"nabory/{callId}";

    public static string StaffPath(Guid callId) => $"komitety/nabory/{callId}";

    /// <summary>How many of the region's calls take applications today (the home page points to them).</summary>
    public async Task<int> OpenCountAsync(CancellationToken ct) =>
        (await db.Set<MemberCall>().AsNoTracking().Where(c => c.Status == CallStatus.Open).ToListAsync(ct)).Count(c => c.AcceptsApplications(Today));

    public async Task<CallApplication> ApplyAsync(MemberCall call, string fullName, string email, string institution, SeatCategory seat,
        string motivation, bool rodoConsent, CancellationToken ct)
    {
        if (!call.AcceptsApplications(Today)) throw new CommitteeRuleException("Nabór jest zamknięty: zgłoszenia nie są już przyjmowane.");
        var application = new CallApplication(call, fullName, email, institution, seat, motivation, rodoConsent, clock.GetUtcNow());
        db.Add(application);
        var paragraphs = new List<string>
        {
            $"Dziękujemy za zgłoszenie w naborze „{call.Title}”. Potwierdzamy, że je otrzymaliśmy.",
            $"Zgłoszenie: {application.FullName}, {application.Institution}; miejsce (sektor): {CommitteeText.Seat(seat)}.",
            call.ConfirmationBy is { } by
                ? $"O decyzji poinformujemy Panią/Pana w osobnej wiadomości do {Date(by)}"
                : "O decyzji poinformujemy Panią/Pana w osobnej wiadomości.",
        };
        await SendAsync(application, "received", new EmailBody($"Potwierdzenie zgłoszenia: {call.Title}", paragraphs,
            new EmailAction("Zobacz nabór", PublicPath(call.Id))), ct);
        return application;
    }

    public async Task<CommitteeMember> AcceptAsync(MemberCall call, CallApplication application, SeatDecision seat, string? note, string? by,
        CancellationToken ct)
    {
        var committee = await db.Set<Committee>().FirstAsync(c => c.Id == call.CommitteeId, ct);
        var from = seat.TermFrom ?? Today;
        if (seat.TermTo is { } to && to < from) throw new CommitteeRuleException("Koniec kadencji nie może być przed jej początkiem.");
        var member = new CommitteeMember(committee.Id, application.FullName, application.Email, application.Institution, application.Seat,
            seat.Role, from, seat.TermTo);
        await register.AddMemberAsync(committee, member, ct);
        application.Accept(member.Id, note, by, clock.GetUtcNow());
        var paragraphs = new List<string>
        {
            $"Z przyjemnością informujemy, że Pani/Pana zgłoszenie w naborze „{call.Title}” zostało przyjęte.",
            $"Zostaje Pani/Pan członkiem: {committee.Name}; miejsce (sektor): {CommitteeText.Seat(member.Seat)}; funkcja: {CommitteeText.Role(member.Role)}; kadencja od {Date(member.TermFrom)} do {Date(member.TermTo)}",
        };
        if (application.DecisionNote is { } n) paragraphs.Add($"Informacja od sekretariatu: {n}");
        paragraphs.Add("Zaproszenia na posiedzenia będziemy przesyłać na ten adres e-mail.");
        await SendAsync(application, "accepted", new EmailBody($"Zgłoszenie przyjęte: {committee.Name}", paragraphs), ct);
        await RemindIfDoneAsync(call, ct);
        return member;
    }

    public async Task RejectAsync(MemberCall call, CallApplication application, string? note, string? by, CancellationToken ct)
    {
        application.Reject(note, by, clock.GetUtcNow());
        var paragraphs = new List<string>
        {
            $"Dziękujemy za zgłoszenie w naborze „{call.Title}”. Tym razem nie możemy go przyjąć.",
        };
        if (application.DecisionNote is { } n) paragraphs.Add($"Uzasadnienie: {n}");
        paragraphs.Add("Zachęcamy do udziału w kolejnych naborach i konsultacjach.");
        await SendAsync(application, "rejected", new EmailBody($"Decyzja w sprawie zgłoszenia: {call.Title}", paragraphs), ct);
        await RemindIfDoneAsync(call, ct);
    }

    public async Task OpenAsync(MemberCall call, CancellationToken ct)
    {
        call.Open();
        await ScheduleRemindersAsync(call, ct);
    }

    public async Task CloseAsync(MemberCall call, CancellationToken ct)
    {
        call.Close();
        await reminders.CancelAsync(SubjectType, call.Id, "callDeadline", ct);
    }

    public async Task MarkDecidedAsync(MemberCall call, CancellationToken ct)
    {
        call.MarkDecided(await PendingAsync(call.Id, ct));
        await reminders.CancelAsync(SubjectType, call.Id, ct: ct);
    }

    /// <summary>After a change of dates or an opening: the staff's reminders follow the call's dates.</summary>
    public async Task ScheduleRemindersAsync(MemberCall call, CancellationToken ct)
    {
        var op = tenant.Required.Settings.Operator;
        List<EmailAddress> staff = [new(op.Email, op.ShortName)];
        if (call.Status == CallStatus.Open)
            await reminders.RescheduleAsync(new ReminderRequest("callDeadline", SubjectType, call.Id, call.Title, call.ApplicationDeadline,
                StaffPath(call.Id), staff), ct);
        else await reminders.CancelAsync(SubjectType, call.Id, "callDeadline", ct);
        if (call.ConfirmationBy is { } by && call.Status != CallStatus.Decided)
            await reminders.RescheduleAsync(new ReminderRequest("callConfirmation", SubjectType, call.Id, call.Title, by, StaffPath(call.Id), staff,
                PendingDecisionsAudience.RuleName), ct);
        else await reminders.CancelAsync(SubjectType, call.Id, "callConfirmation", ct);
    }

    /// <summary>The region's calls with submitted applications not yet accepted or rejected, the earliest promised answer first.</summary>
    public async Task<List<CallAwaitingDecision>> AwaitingDecisionAsync(CancellationToken ct) =>
        (await (from c in db.Set<MemberCall>().AsNoTracking()
                let pending = db.Set<CallApplication>().Count(a => a.CallId == c.Id && a.Status == ApplicationStatus.Submitted)
                where pending > 0
                select new CallAwaitingDecision(c.Id, c.Title, c.ConfirmationBy, pending)).ToListAsync(ct))
        .OrderBy(c => c.ConfirmationBy ?? DateOnly.MaxValue).ThenBy(c => c.Title).ToList();

    public Task<int> PendingAsync(Guid callId, CancellationToken ct) =>
        db.Set<CallApplication>().CountAsync(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted, ct);

    // Every application decided: the confirmation reminder has nothing left to chase (the audience also checks when it fires).
    private async Task RemindIfDoneAsync(MemberCall call, CancellationToken ct)
    {
        var decidedNow = db.ChangeTracker.Entries<CallApplication>()
            .Where(e => e.Entity.CallId == call.Id && e.Entity.Status != ApplicationStatus.Submitted).Select(e => e.Entity.Id).ToHashSet();
        var pending = await db.Set<CallApplication>().Where(a => a.CallId == call.Id && a.Status == ApplicationStatus.Submitted)
            .Select(a => a.Id).ToListAsync(ct);
        if (pending.All(decidedNow.Contains)) await reminders.CancelAsync(SubjectType, call.Id, "callConfirmation", ct);
    }

    private async Task SendAsync(CallApplication application, string what, EmailBody body, CancellationToken ct) =>
        await outbox.EnqueueAsync($"call-application:{application.Id:N}:{what}", new EmailAddress(application.Email, application.FullName),
            composer.Compose(body), ct);
}

/// <summary>Before the confirmation day: the secretariat, only while some applications still wait for a decision.</summary>
public sealed class PendingDecisionsAudience(EsRegionsDbContext db) : IReminderAudience
{
    public const string RuleName = "call-pending-decisions";

    public string Rule => RuleName;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct)
    {
        var pending = await db.Set<CallApplication>().AnyAsync(a => a.CallId == reminder.SubjectId && a.Status == ApplicationStatus.Submitted, ct);
        return pending ? reminder.Recipients.Select(r => new EmailAddress(r.Address, r.Name)).ToList() : [];
    }
}
