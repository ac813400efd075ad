using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>What one reply form sent: per element (null key: the whole document) the box's text, empty when cleared.</summary>
public sealed record ReplyBox(Guid? ElementId, string? Comment, string? Proposal, string? Justification);

public sealed record ReplySaved(int Added, int Changed, int Withdrawn);

/// <summary>
/// A participant's comments: one per element (and one on the whole document), written, changed or withdrawn through
/// the reply page until the close. Clearing a box withdraws its comment; writing in it again brings it back.
/// </summary>
public sealed class ConsultationReplies(EsRegionsDbContext db, TimeProvider clock)
{
    public Task<List<ConsultationComment>> OfAsync(ConsultationParticipant participant, CancellationToken ct) =>
        db.Set<ConsultationComment>().Where(c => c.ParticipantId == participant.Id).OrderBy(c => c.CreatedAt).ToListAsync(ct);

    public async Task<ReplySaved> SaveAsync(Consultation consultation, ConsultationParticipant participant, IReadOnlyList<ReplyBox> boxes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        EnsureOpen(consultation, participant, now);
        var elementIds = await db.Set<ConsultationElement>().Where(e => e.ConsultationId == consultation.Id).Select(e => e.Id).ToListAsync(ct);
        var mine = await OfAsync(participant, ct);
        var (added, changed, withdrawn) = (0, 0, 0);
        foreach (var box in boxes.Where(b => b.ElementId is null || elementIds.Contains(b.ElementId.Value)).DistinctBy(b => b.ElementId))
        {
            var existing = mine.FirstOrDefault(c => c.ElementId == box.ElementId);
            var text = CommentText.From(box.Comment, box.Proposal, box.Justification);
            if (text is null)
            {
                if (existing is { Withdrawn: false }) { existing.Withdraw(now); withdrawn++; }
                continue;
            }
            if (existing is null)
            {
                db.Add(new ConsultationComment(consultation.Id, participant.Id, box.ElementId, text, now));
                added++;
            }
            else if (existing.Withdrawn || existing.Text != text.Comment || existing.Proposal != text.Proposal || existing.Justification != text.Justification)
            {
                existing.Edit(text, now);
                changed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ReplySaved(added, changed, withdrawn);
    }

    public async Task<bool> WithdrawAsync(Consultation consultation, ConsultationParticipant participant, Guid commentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        EnsureOpen(consultation, participant, now);
        var comment = await db.Set<ConsultationComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.ParticipantId == participant.Id, ct);
        if (comment is null) return false;
        comment.Withdraw(now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void EnsureOpen(Consultation consultation, ConsultationParticipant participant, DateTimeOffset now)
    {
        if (!consultation.AcceptsReplies(now) || !participant.Active)
            throw new ConsultationStateException("Konsultacje są zamknięte: uwag nie można już zgłaszać ani zmieniać.");
    }
}
