using System.Text.Json;
using System.Text.Json.Serialization;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Privacy;

/// <summary>The export document (RODO art. 15): everything every module holds about one person in this region.</summary>
public sealed record PersonalDataExport(string Person, string Tenant, DateTimeOffset ExportedAt, IReadOnlyDictionary<string, IReadOnlyList<object>> Sections)
{
    public IReadOnlyDictionary<string, int> Counts => Sections.ToDictionary(s => s.Key, s => s.Value.Count);

    public int Total => Sections.Values.Sum(s => s.Count);
}

public sealed record ErasureResult(Guid Id, IReadOnlyDictionary<string, int> Counts, int Total);

/// <summary>
/// Runs every registered <see cref="IPersonalDataSource"/> in the current region: export gathers their sections into
/// one JSON document; erasure runs them all in one transaction with one SaveChanges, redacts the erased values from the
/// audit trail and records a <see cref="PersonalDataErasure"/> — all committed together or not at all.
/// </summary>
public sealed class PersonalDataService(
    EsRegionsDbContext db,
    IEnumerable<IPersonalDataSource> sources,
    AuditRedaction redaction,
    AuditActor actor,
    TenantContext tenant,
    TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public IReadOnlyList<string> SectionNames => Sources.Select(s => s.Name).ToList();

    private IReadOnlyList<IPersonalDataSource> Sources { get; } = sources.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public async Task<PersonalDataExport> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var sections = new Dictionary<string, IReadOnlyList<object>>();
        foreach (var source in Sources) sections[source.Name] = await source.ExportAsync(person, ct);
        return new PersonalDataExport(person.Email.Trim(), tenant.Required.Slug, clock.GetUtcNow(), sections);
    }

    public byte[] ToJson(PersonalDataExport export) => JsonSerializer.SerializeToUtf8Bytes(export, Json);

    public async Task<ErasureResult> EraseAsync(PersonRef person, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var counts = new Dictionary<string, int>();
            foreach (var source in Sources) counts[source.Name] = await source.EraseAsync(person, ct);
            var erased = redaction.Collect();
            var record = new PersonalDataErasure(person, actor.Name, reason, counts, clock.GetUtcNow());
            db.Add(record);
            await db.SaveChangesAsync(ct);
            await redaction.RedactAsync(erased, ct);
            await tx.CommitAsync(ct);
            return new ErasureResult(record.Id, counts, record.Total);
        }
        catch
        {
            // A refused or failed erasure changes nothing: the transaction rolls back and no half-done change stays tracked.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>The region's erasure records, newest first; with a person, only theirs (matched by the address's hash).</summary>
    public Task<List<PersonalDataErasure>> ErasuresAsync(PersonRef? person, int take, CancellationToken ct)
    {
        var query = db.Set<PersonalDataErasure>().AsNoTracking();
        if (person is not null)
        {
            var hash = PersonalDataErasure.HashOf(person);
            query = query.Where(e => e.EmailHash == hash);
        }
        return query.OrderByDescending(e => e.ErasedAt).Take(take).ToListAsync(ct);
    }
}
