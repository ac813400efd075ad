using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// Opening: the structure is taken from the plan as it is now, every active participant gets an invitation with a
/// personal link, and the reminders are scheduled — all in one SaveChanges. Closing early moves the reminders.
/// </summary>
public sealed class ConsultationOpening(EsRegionsDbContext db, ConsultationDrafts drafts, ConsultationInvitations invitations,
    ConsultationReminders reminders, ConsultationLinks links, TimeProvider clock)
{
    public async Task<int> OpenAsync(Consultation consultation, CancellationToken ct)
    {
        consultation.Open(clock.GetUtcNow());
        await drafts.RefreshFromPlanAsync(consultation, ct);
        var participants = await db.Set<ConsultationParticipant>()
            .Where(p => p.ConsultationId == consultation.Id && p.RemovedAt == null).ToListAsync(ct);
        var queued = 0;
        foreach (var p in participants) queued += await invitations.InviteAsync(consultation, p, ct) ? 1 : 0;
        await reminders.ScheduleAsync(consultation, ct);
        await db.SaveChangesAsync(ct);
        return queued;
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
