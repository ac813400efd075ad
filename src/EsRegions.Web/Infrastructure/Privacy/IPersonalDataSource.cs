namespace EsRegions.Web.Infrastructure.Privacy;

/// <summary>
/// One module's personal data about one person in the current tenant (RODO art. 15 export, art. 17 erasure).
/// Every module that stores names, e-mail addresses or texts written by a person registers one source
/// (<c>services.AddScoped&lt;IPersonalDataSource, X&gt;()</c>); the privacy service asks them all.
/// Sources run in the current tenant's scope (the query filter and RLS apply) and use the request's DbContext:
/// they change tracked entities and never call SaveChanges, so one erasure commits or rolls back as a whole.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Stable camelCase section name in the export document, e.g. "committeeMembers".</summary>
    string Name { get; }

    /// <summary>Everything this module holds about the person, as JSON-serialisable records; empty when nothing.</summary>
    Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct);

    /// <summary>
    /// Erases or anonymises the person's data and returns how many records changed. Texts the person wrote that
    /// belong to a public record (consultation comments in a report) are kept with the author replaced by
    /// <see cref="PersonRef.ErasedLabel"/>.
    /// </summary>
    Task<int> EraseAsync(PersonRef person, CancellationToken ct);
}

/// <summary>A person identified by e-mail address (compared case-insensitively, trimmed).</summary>
public sealed record PersonRef(string Email)
{
    /// <summary>What replaces a name or e-mail address after erasure.</summary>
    public const string ErasedLabel = "[dane usunięte]";

    public string NormalizedEmail { get; } = Email.Trim().ToUpperInvariant();

    /// <summary>
    /// What replaces an e-mail address in a column that must stay unique (e.g. one invitation per address and meeting):
    /// an address of the reserved ".invalid" domain (RFC 2606) built from the row's id, which nobody can receive or match.
    /// </summary>
    public static string ErasedEmail(Guid rowId) => $"usunieto-{rowId:N}@dane-usuniete.invalid";
}
