using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// Personal reply links of participants, on the shared <see cref="EmailLinks"/>: one purpose, the participant as the
/// subject, expiring at the consultation's close (moved with it), revoked when the participant is removed.
/// </summary>
public sealed class ConsultationLinks(EmailLinks links, EsRegionsDbContext db)
{
    public const string Purpose = "consultation-reply";

    public static string ReplyPath(string token) => $"konsultacje/odpowiedz/{token}";

    /// <summary>A new link (each e-mail gets its own; earlier ones keep working until the close). Saved by the caller.</summary>
    public Task<string> IssueAsync(Consultation consultation, ConsultationParticipant participant, CancellationToken ct) =>
        Task.FromResult(ReplyPath(links.Issue(Purpose, participant.Id, consultation.Schedule.ClosesAt)));

    public Task RevokeAsync(ConsultationParticipant participant, CancellationToken ct) => links.RevokeAsync(Purpose, participant.Id, ct);

    /// <summary>The links follow the consultation's end: new dates, or staff closing early.</summary>
    public async Task ExtendAsync(Consultation consultation, CancellationToken ct)
    {
        var until = consultation.ClosedAt ?? consultation.Schedule.ClosesAt;
        var ids = await db.Set<ConsultationParticipant>().Where(p => p.ConsultationId == consultation.Id && p.RemovedAt == null).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in ids) await links.ExtendAsync(Purpose, id, until, ct);
    }

    /// <summary>The participant and consultation a token opens, or null for any bad, expired or revoked link. Changes nothing.</summary>
    public async Task<(ConsultationParticipant Participant, Consultation Consultation, EmailLink Link)?> ResolveAsync(string? token, CancellationToken ct)
    {
        if (await links.ResolveAsync(Purpose, token, ct) is not { } link) return null;
        var participant = await db.Set<ConsultationParticipant>().FirstOrDefaultAsync(p => p.Id == link.SubjectId && p.RemovedAt == null, ct);
        if (participant is null) return null;
        var consultation = await db.Set<Consultation>().FirstAsync(c => c.Id == participant.ConsultationId, ct);
        return (participant, consultation, link);
    }
}
