using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

public sealed record ConsultationSummaryDto(Guid Id, string Title, string Phase, Guid? PlanId, int? PlanVersion, bool Programme,
    DateOnly OpensOn, DateOnly ClosesOn, DateOnly EffectiveClosesOn, int Days, bool PublicLink);

public sealed record ConsultationCreatedDto(Guid Id, string Title, string Phase, DateOnly OpensOn, DateOnly ClosesOn, DateOnly EffectiveClosesOn,
    int Days, IReadOnlyList<ConsultationWarning> Warnings);

/// <summary>A consultation as the region's home page shows it to anyone: the key of its public form, if open, and its last day.</summary>
public sealed record PublicConsultation(Guid Id, string Title, string? PublicKey, DateOnly ClosesOn);

/// <summary>A consultation whose report is not published yet, with the comments that still have no answer from staff.</summary>
public sealed record ConsultationToAnswer(Guid Id, string Title, ConsultationPhase Phase, DateOnly ClosesOn, int Unanswered);

public sealed record ResponseDto(string Decision, string Justification);

public sealed record CommentDto(Guid Id, string Participant, string? Organisation, Guid? NodeId, string? Element, string Text, string? Proposal,
    string? Justification, ResponseDto? Response, DateTimeOffset UpdatedAt);

public sealed record ParticipantDto(Guid Id, string Name, string Email, string? Organisation, string Source, DateTimeOffset? InvitedAt,
    bool Removed, int Comments);

/// <summary>Reads of one consultation shared by the API and the staff pages.</summary>
public sealed class ConsultationQueries(EsRegionsDbContext db, TimeProvider clock)
{
    public async Task<List<ConsultationSummaryDto>> ListAsync(CancellationToken ct) =>
        (await db.Set<Consultation>().OrderByDescending(c => c.Schedule.OpensOn).ToListAsync(ct)).Select(Summary).ToList();

    public ConsultationSummaryDto Summary(Consultation c) => new(c.Id, c.Title, ConsultationText.PhaseKey(c.PhaseAt(clock.GetUtcNow())),
        c.PlanId, c.PlanVersion, c.Programme, c.Schedule.OpensOn, c.Schedule.ClosesOn, c.Schedule.EffectiveClosesOn, c.Schedule.Days, c.PublicKey is not null);

    /// <summary>Comments that were not withdrawn, in the order of the draft (whole document first).</summary>
    public async Task<List<CommentDto>> CommentsAsync(Guid consultationId, CancellationToken ct)
    {
        var elements = await db.Set<ConsultationElement>().Where(e => e.ConsultationId == consultationId).ToDictionaryAsync(e => e.Id, ct);
        var people = await db.Set<ConsultationParticipant>().Where(p => p.ConsultationId == consultationId).ToDictionaryAsync(p => p.Id, ct);
        var comments = await db.Set<ConsultationComment>().Where(x => x.ConsultationId == consultationId && x.WithdrawnAt == null).ToListAsync(ct);
        return comments
            .OrderBy(x => x.ElementId is { } e ? elements[e].Position + 1 : 0).ThenBy(x => x.CreatedAt)
            .Select(x =>
            {
                var element = x.ElementId is { } e ? elements[e] : null;
                var p = people[x.ParticipantId];
                return new CommentDto(x.Id, p.Name, p.Erased ? null : p.Organisation, element?.NodeId, element?.Name, x.Text, x.Proposal, x.Justification,
                    x.Decision is { } d ? new ResponseDto(ConsultationText.DecisionKey(d), x.ResponseJustification ?? "") : null, x.UpdatedAt);
            }).ToList();
    }

    public async Task<List<ParticipantDto>> ParticipantsAsync(Guid consultationId, CancellationToken ct)
    {
        var counts = await db.Set<ConsultationComment>().Where(x => x.ConsultationId == consultationId && x.WithdrawnAt == null)
            .GroupBy(x => x.ParticipantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return (await db.Set<ConsultationParticipant>().Where(p => p.ConsultationId == consultationId).OrderBy(p => p.Name).ToListAsync(ct))
            .Select(p => new ParticipantDto(p.Id, p.Name, p.Email, p.Organisation, p.Source, p.InvitedAt, !p.Active, counts.GetValueOrDefault(p.Id)))
            .ToList();
    }

    /// <summary>
    /// What anyone may see of the region's consultations: those open to every commenter (a public link, still taking
    /// comments), soonest closing first, and the newest published reports.
    /// </summary>
    public async Task<(List<PublicConsultation> Open, List<PublicConsultation> Reports)> PublicAsync(int reports, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = (await db.Set<Consultation>().AsNoTracking().Where(c => c.PublicKey != null && c.Phase == ConsultationPhase.Open).ToListAsync(ct))
            .Where(c => c.AcceptsReplies(now)).OrderBy(c => c.Schedule.ClosesAt).Select(Public).ToList();
        var published = await db.Set<Consultation>().AsNoTracking().Where(c => c.Phase == ConsultationPhase.ReportPublished)
            .OrderByDescending(c => c.ReportPublishedAt).Take(reports).ToListAsync(ct);
        return (open, published.Select(Public).ToList());
    }

    /// <summary>
    /// The consultations staff still work on (opened, report not published) that have comments without an answer,
    /// those closing first at the top.
    /// </summary>
    public async Task<List<ConsultationToAnswer>> ToAnswerAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (from c in db.Set<Consultation>().AsNoTracking()
                          where c.Phase == ConsultationPhase.Open || c.Phase == ConsultationPhase.Closed
                          let unanswered = db.Set<ConsultationComment>().Count(x => x.ConsultationId == c.Id && x.WithdrawnAt == null && x.Decision == null)
                          where unanswered > 0
                          select new { Consultation = c, Unanswered = unanswered }).ToListAsync(ct);
        return rows.OrderBy(r => r.Consultation.Schedule.ClosesAt)
            .Select(r => new ConsultationToAnswer(r.Consultation.Id, r.Consultation.Title, r.Consultation.PhaseAt(now),
                r.Consultation.Schedule.EffectiveClosesOn, r.Unanswered))
            .ToList();
    }

    private static PublicConsultation Public(Consultation c) => new(c.Id, c.Title, c.PublicKey, c.Schedule.EffectiveClosesOn);

    public Task<List<ConsultationElement>> ElementsAsync(Guid consultationId, CancellationToken ct) =>
        db.Set<ConsultationElement>().Where(e => e.ConsultationId == consultationId).OrderBy(e => e.Position).ToListAsync(ct);
}
