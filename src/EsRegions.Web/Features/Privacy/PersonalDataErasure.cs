using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Privacy;

/// <summary>
/// The record of one erasure (RODO art. 17): when, by whom, why and how many records of each section changed. The
/// person is kept only as the SHA-256 of the normalised address, so the region can answer "was this address erased?"
/// without keeping the address. It is itself the audit, so the generic audit trail skips it.
/// </summary>
[NotAudited]
public sealed class PersonalDataErasure : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public DateTimeOffset ErasedAt { get; private set; }
    public string ErasedBy { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>Lower-case hex SHA-256 of <see cref="PersonRef.NormalizedEmail"/>.</summary>
    public string EmailHash { get; private set; } = "";
    public Dictionary<string, int> Counts { get; private set; } = [];
    public int Total { get; private set; }

    private PersonalDataErasure() { }

    public PersonalDataErasure(PersonRef person, string erasedBy, string reason, IReadOnlyDictionary<string, int> counts, DateTimeOffset now)
    {
        ErasedAt = now;
        ErasedBy = erasedBy;
        Reason = reason.Trim();
        EmailHash = HashOf(person);
        Counts = new Dictionary<string, int>(counts);
        Total = counts.Values.Sum();
    }

    public static string HashOf(PersonRef person) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(person.NormalizedEmail)));
}

internal sealed class PersonalDataErasureConfiguration : IEntityTypeConfiguration<PersonalDataErasure>
{
    public const int ReasonLength = 1000;

    public void Configure(EntityTypeBuilder<PersonalDataErasure> b)
    {
        b.ToTable("personal_data_erasures");
        b.Property(x => x.ErasedBy).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(ReasonLength);
        b.Property(x => x.EmailHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Counts).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, int>(),
            new ValueComparer<Dictionary<string, int>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                v => new Dictionary<string, int>(v)));
        b.HasIndex(x => new { x.TenantId, x.ErasedAt });
        b.HasIndex(x => new { x.TenantId, x.EmailHash });
    }
}
