using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// Opening: the structure is taken from the plan as it is now, every active participant gets an invitation with a
/// personal link, the reminders are scheduled, and a draft plan is marked as in consultation — all in one transaction.
/// Closing early moves the reminders.
/// </summary>
public sealed class ConsultationOpening(EsRegionsDbContext db, ConsultationDrafts drafts, ConsultationInvitations invitations,
    ConsultationReminders reminders, ConsultationLinks links, Plans.PlanLifecycle plans, TimeProvider clock)
{
    public async Task<int> OpenAsync(Consultation consultation, CancellationToken ct)
    {
        consultation.Open(clock.GetUtcNow());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await drafts.RefreshFromPlanAsync(consultation, ct);
        var participants = await db.Set<ConsultationParticipant>()
            .Where(p => p.ConsultationId == consultation.Id && p.RemovedAt == null).ToListAsync(ct);
        var queued = 0;
        foreach (var p in participants) queued += await invitations.InviteAsync(consultation, p, ct) ? 1 : 0;
        await reminders.ScheduleAsync(consultation, ct);
        if (consultation.PlanId is { } planId) await MarkPlanAsync(planId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return queued;
    }

    /// <summary>
    /// The consulted plan, if still a draft, is now in consultation (its state page and the plans list say so); a plan
    /// adopted or archived meanwhile stays as it is. Its row is locked first, as every change of a plan's state is.
    /// </summary>
    private async Task MarkPlanAsync(Guid planId, CancellationToken ct)
    {
        if (await plans.LockAsync(planId, ct) is { Status: Plans.PlanStatus.Draft } plan) plan.SubmitForConsultation();
    }

    public async Task CloseAsync(Consultation consultation, CancellationToken ct)
    {
        consultation.Close(clock.GetUtcNow());
        await reminders.ClosedEarlyAsync(consultation, ct);
        await links.ExtendAsync(consultation, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>New dates: invitations already sent stay valid (links expire at the new close), reminders move.</summary>
    public async Task RescheduleAsync(Consultation consultation, DateOnly opensOn, DateOnly closesOn, CancellationToken ct)
    {
        consultation.Reschedule(drafts.Schedule(opensOn, closesOn), clock.GetUtcNow());
        if (consultation.Phase == ConsultationPhase.Open) await reminders.RescheduleAsync(consultation, ct);
        await links.ExtendAsync(consultation, ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Publishing the report: every comment must have a response; participants are told by e-mail.</summary>
public sealed class ConsultationReportPublishing(EsRegionsDbContext db, ConsultationInvitations invitations, TimeProvider clock)
{
    public async Task PublishAsync(Consultation consultation, CancellationToken ct)
    {
        var unanswered = await db.Set<ConsultationComment>()
            .CountAsync(c => c.ConsultationId == consultation.Id && c.WithdrawnAt == null && c.Decision == null, ct);
        if (unanswered > 0)
            throw new ConsultationStateException("Nie wszystkie uwagi mają stanowisko (brakuje {0}): raport musi odpowiadać na każdą uwagę.", unanswered);
        consultation.PublishReport(clock.GetUtcNow());
        var participants = await db.Set<ConsultationParticipant>()
            .Where(p => p.ConsultationId == consultation.Id && p.RemovedAt == null).ToListAsync(ct);
        foreach (var p in participants) await invitations.ReportPublishedAsync(consultation, p, ct);
        await db.SaveChangesAsync(ct);
    }
}
