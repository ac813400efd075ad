using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Infrastructure.Links;

/// <summary>
/// A personal link sent by e-mail (an RSVP, a consultation reply). The link carries 32 random bytes; only their
/// SHA-256 is stored, so a copy of the database opens nothing. A link serves one purpose for one subject (a meeting
/// invitation, a consultation participant) of one tenant, until it expires or is revoked.
/// </summary>
[NotAudited]
public sealed class EmailLink : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    /// <summary>What the link is for, e.g. "meeting-rsvp"; a token of one purpose never opens another's page.</summary>
    public string Purpose { get; private set; } = "";
    /// <summary>The row the link acts on (an invitation, a participant): the module's own id.</summary>
    public Guid SubjectId { get; private set; }
    public byte[] TokenHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    /// <summary>When the person last acted through the link (a POST), for the staff's view; never set by a GET.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    private EmailLink() { }

    internal EmailLink(string purpose, Guid subjectId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Purpose = purpose;
        SubjectId = subjectId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void MarkUsed(DateTimeOffset now) => UsedAt = now;

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal void ExpireAt(DateTimeOffset expiresAt) => ExpiresAt = expiresAt;
}

internal sealed class EmailLinkConfiguration : IEntityTypeConfiguration<EmailLink>
{
    public void Configure(EntityTypeBuilder<EmailLink> b)
    {
        b.ToTable("email_links");
        b.Property(x => x.Purpose).HasMaxLength(40);
        b.Property(x => x.TokenHash).HasMaxLength(32);
        // Lookups always run under the tenant filter, so the tenant leads the unique index like everywhere else.
        b.HasIndex(x => new { x.TenantId, x.TokenHash }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Purpose, x.SubjectId });
    }
}
