using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

public sealed record ConsultationCommentExport(string? Element, string Text, string? Proposal, string? Justification, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? WithdrawnAt, string? Response, string? ResponseJustification);

public sealed record ConsultationParticipantExport(Guid ConsultationId, string Consultation, string Name, string Email, string? Organisation,
    string Source, DateTimeOffset AddedAt, DateTimeOffset? InvitedAt, DateTimeOffset? RemovedAt, IReadOnlyList<ConsultationCommentExport> Comments);

/// <summary>
/// RODO export and erasure of consultation participants (found by e-mail address) with their comments and the
/// operator's responses. Erasure keeps the comments — they are part of the published report — under
/// <see cref="PersonRef.ErasedLabel"/>, and revokes the person's reply links.
/// </summary>
public sealed class ConsultationPersonalData(EsRegionsDbContext db, ConsultationLinks links, TimeProvider clock) : IPersonalDataSource
{
    public string Name => "consultationParticipants";

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var participants = await ParticipantsAsync(person, ct);
        if (participants.Count == 0) return [];
        var ids = participants.Select(p => p.Id).ToList();
        var consultationIds = participants.Select(p => p.ConsultationId).Distinct().ToList();
        var titles = await db.Set<Consultation>().Where(c => consultationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var elements = await db.Set<ConsultationElement>().Where(e => consultationIds.Contains(e.ConsultationId)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var comments = (await db.Set<ConsultationComment>().Where(c => ids.Contains(c.ParticipantId)).OrderBy(c => c.CreatedAt).ToListAsync(ct))
            .ToLookup(c => c.ParticipantId);
        return participants.Select(p => (object)new ConsultationParticipantExport(p.ConsultationId, titles[p.ConsultationId], p.Name, p.Email,
            p.Organisation, p.Source, p.AddedAt, p.InvitedAt, p.RemovedAt,
            comments[p.Id].Select(c => new ConsultationCommentExport(c.ElementId is { } e ? elements.GetValueOrDefault(e) : null, c.Text, c.Proposal,
                c.Justification, c.CreatedAt, c.UpdatedAt, c.WithdrawnAt, c.Decision is { } d ? ConsultationText.DecisionKey(d) : null,
                c.ResponseJustification)).ToList())).ToList();
    }

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var participants = await ParticipantsAsync(person, ct);
        var now = clock.GetUtcNow();
        foreach (var p in participants)
        {
            await links.RevokeAsync(p, ct);
            p.Erase(now);
        }
        return participants.Count;
    }

    private Task<List<ConsultationParticipant>> ParticipantsAsync(PersonRef person, CancellationToken ct) =>
        db.Set<ConsultationParticipant>().Where(p => p.Email.ToUpper() == person.NormalizedEmail).OrderBy(p => p.AddedAt).ToListAsync(ct);
}
