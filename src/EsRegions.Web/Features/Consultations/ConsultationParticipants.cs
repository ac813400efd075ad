using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

public sealed record ParticipantsAdded(int Added, int AlreadyThere, int Invited);

/// <summary>
/// Adds and removes participants. Candidates come from any <see cref="IParticipantSource"/> (or the API's list);
/// one address is one participant per consultation. While the consultation is open, a new participant is invited at
/// once; a removed one loses their link.
/// </summary>
public sealed class ConsultationParticipants(EsRegionsDbContext db, ConsultationInvitations invitations, ConsultationLinks links, TimeProvider clock,
    IEnumerable<IParticipantSource> sources)
{
    public IReadOnlyList<IParticipantSource> Sources { get; } = sources.ToList();

    public IParticipantSource? Source(string key) => Sources.FirstOrDefault(s => s.Key == key);

    public async Task<ParticipantsAdded> AddAsync(Consultation consultation, IReadOnlyList<ParticipantCandidate> candidates, string source, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (consultation.PhaseAt(now) is not (ConsultationPhase.Draft or ConsultationPhase.Open))
            throw new ConsultationStateException("Do zamkniętych konsultacji nie można dodawać uczestników.");
        var existing = await db.Set<ConsultationParticipant>()
            .Where(p => p.ConsultationId == consultation.Id && p.Email != PersonRef.ErasedLabel).ToListAsync(ct);
        var byEmail = existing.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var (added, already) = (new List<ConsultationParticipant>(), 0);
        foreach (var candidate in candidates.DistinctBy(c => c.Email.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            if (byEmail.TryGetValue(candidate.Email.Trim(), out var known))
            {
                if (known.Active) { already++; continue; }
                known.Restore(candidate);
                added.Add(known);
                continue;
            }
            var participant = new ConsultationParticipant(consultation.Id, candidate, source, now);
            db.Add(participant);
            byEmail[participant.Email] = participant;
            added.Add(participant);
        }
        var invited = 0;
        if (consultation.Phase == ConsultationPhase.Open)
            foreach (var p in added) invited += await invitations.InviteAsync(consultation, p, ct) ? 1 : 0;
        return new ParticipantsAdded(added.Count, already, invited);
    }

    public async Task<ConsultationParticipant?> RemoveAsync(Consultation consultation, Guid participantId, CancellationToken ct)
    {
        var participant = await db.Set<ConsultationParticipant>().FirstOrDefaultAsync(p => p.Id == participantId && p.ConsultationId == consultation.Id, ct);
        if (participant is null) return null;
        participant.Remove(clock.GetUtcNow());
        await links.RevokeAsync(participant, ct);
        return participant;
    }
}
