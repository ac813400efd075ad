using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Consultations;

public enum CommentDecision { Accepted, PartlyAccepted, Rejected }

/// <summary>
/// A participant's comment (uwaga) on the whole draft or on one element: plain text, a proposed wording and its
/// justification; staff answer it with a decision and a justification (stanowisko) for the report.
/// </summary>
public sealed class ConsultationComment : ITenantOwned
{
    public const int MaxLength = 10_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid ConsultationId { get; private set; }
    public Guid ParticipantId { get; private set; }
    /// <summary>The element commented on; null for a comment on the whole document.</summary>
    public Guid? ElementId { get; private set; }
    public string Text { get; private set; } = "";
    public string? Proposal { get; private set; }
    public string? Justification { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public CommentDecision? Decision { get; private set; }
    public string? ResponseJustification { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    private ConsultationComment() { }

    public ConsultationComment(Guid consultationId, Guid participantId, Guid? elementId, CommentText text, DateTimeOffset now)
    {
        ConsultationId = consultationId;
        ParticipantId = participantId;
        ElementId = elementId;
        (Text, Proposal, Justification) = (text.Comment, text.Proposal, text.Justification);
        CreatedAt = UpdatedAt = now;
    }

    public bool Withdrawn => WithdrawnAt is not null;

    /// <summary>The participant changes the comment (until the close); a withdrawn comment comes back. A response given to
    /// the earlier wording no longer answers it, so it is cleared.</summary>
    public void Edit(CommentText text, DateTimeOffset now)
    {
        (Text, Proposal, Justification) = (text.Comment, text.Proposal, text.Justification);
        (Decision, ResponseJustification, RespondedAt) = (null, null, null);
        WithdrawnAt = null;
        UpdatedAt = now;
    }

    public void Withdraw(DateTimeOffset now) => WithdrawnAt ??= now;

    public void Respond(CommentDecision decision, string justification, DateTimeOffset now)
    {
        if (Withdrawn) throw new ConsultationStateException("Uwaga została wycofana przez zgłaszającego.");
        Decision = decision;
        ResponseJustification = justification.Trim();
        RespondedAt = now;
    }
}

/// <summary>What a participant writes in one box; empty parts are null, the comment itself is required.</summary>
public sealed record CommentText(string Comment, string? Proposal, string? Justification)
{
    public static CommentText? From(string? comment, string? proposal, string? justification) =>
        string.IsNullOrWhiteSpace(comment) ? null : new CommentText(Clean(comment)!, Clean(proposal), Clean(justification));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Replace("\r\n", "\n");
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> b)
    {
        b.ToTable("consultation_comments");
        b.Property(x => x.Text).HasMaxLength(ConsultationComment.MaxLength);
        b.Property(x => x.Proposal).HasMaxLength(ConsultationComment.MaxLength);
        b.Property(x => x.Justification).HasMaxLength(ConsultationComment.MaxLength);
        b.Property(x => x.ResponseJustification).HasMaxLength(ConsultationComment.MaxLength);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConsultationParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConsultationElement>().WithMany().HasForeignKey(x => x.ElementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.ConsultationId, x.ElementId });
        b.HasIndex(x => new { x.TenantId, x.ParticipantId });
    }
}
