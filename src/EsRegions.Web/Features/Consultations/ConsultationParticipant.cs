using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// A person asked for comments (or one who came through the public link). They have no account: they act through a
/// personal e-mail link, which is revoked when staff remove them.
/// </summary>
public sealed class ConsultationParticipant : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid ConsultationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Organisation { get; private set; }
    /// <summary>Where the person came from: a participant source's key ("list", "csv", "committee"…) or "public".</summary>
    public string Source { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }
    public DateTimeOffset? InvitedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }

    private ConsultationParticipant() { }

    public ConsultationParticipant(Guid consultationId, ParticipantCandidate candidate, string source, DateTimeOffset now)
    {
        ConsultationId = consultationId;
        Name = candidate.Name.Trim();
        Email = candidate.Email.Trim();
        Organisation = string.IsNullOrWhiteSpace(candidate.Organisation) ? null : candidate.Organisation.Trim();
        Source = source;
        AddedAt = now;
    }

    public bool Active => RemovedAt is null;

    public void MarkInvited(DateTimeOffset now) => InvitedAt = now;

    public void Remove(DateTimeOffset now) => RemovedAt ??= now;

    /// <summary>Added again after removal: active again, with what the new list says.</summary>
    public void Restore(ParticipantCandidate candidate)
    {
        RemovedAt = null;
        InvitedAt = null;
        Name = candidate.Name.Trim();
        Organisation = string.IsNullOrWhiteSpace(candidate.Organisation) ? Organisation : candidate.Organisation.Trim();
    }

    /// <summary>Erased at the person's request (RODO art. 17): name, address and organisation are gone, the comments stay.</summary>
    public bool Erased => Email == PersonRef.ErasedLabel;

    /// <summary>
    /// RODO erasure: the name, e-mail address and organisation become <see cref="PersonRef.ErasedLabel"/> and the person
    /// leaves the consultation (no more e-mails); their comments stay in the record under the erased label.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        (Name, Email, Organisation) = (PersonRef.ErasedLabel, PersonRef.ErasedLabel, PersonRef.ErasedLabel);
        RemovedAt ??= now;
    }

    /// <summary>"Jan Kowalski (Fundacja X)" — the report's "zgłaszający"; the erased label alone after erasure.</summary>
    public string DisplayName => Organisation is null || Erased ? Name : $"{Name} ({Organisation})";
}

internal sealed class ConsultationParticipantConfiguration : IEntityTypeConfiguration<ConsultationParticipant>
{
    public void Configure(EntityTypeBuilder<ConsultationParticipant> b)
    {
        b.ToTable("consultation_participants");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Organisation).HasMaxLength(300);
        b.Property(x => x.Source).HasMaxLength(40);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        // Erased participants all carry the same label instead of an address, so they are left out of the uniqueness.
        b.HasIndex(x => new { x.TenantId, x.ConsultationId, x.Email }).IsUnique().HasFilter($"email <> '{PersonRef.ErasedLabel}'");
    }
}
