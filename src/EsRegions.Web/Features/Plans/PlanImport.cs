using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Stores a new plan of the current region sent as a file — the import format (JSON, tenants/PLAN-FORMAT.md) or the
/// spreadsheet of the export (XLSX, stored as a draft) — for the API and the staff's import page alike. An invalid
/// file stores nothing; every error is named by its JSON path or its sheet!cell.
/// </summary>
public sealed class PlanImport(PlanWriter writer, PlanParents parents, PlanLifecycle lifecycle, EsRegionsDbContext db, TenantContext tenant)
{
    /// <summary>The largest file accepted (the API's request limit and the page's).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The kind a spreadsheet's plan is stored as: "annual" (also when not given) or "multiYear"; null for anything else.</summary>
    public static PlanKind? SpreadsheetKind(string? kind) => kind switch
    {
        null or "annual" => PlanKind.Annual,
        "multiYear" => PlanKind.MultiYear,
        _ => null,
    };

    /// <summary>The stored plan, or null and the file's problems: a JSON document's in English, a spreadsheet's in Polish.</summary>
    public sealed record Outcome(Plan? Plan, IReadOnlyList<FileProblem> Problems)
    {
        /// <summary>The problems as written by place, for the API's RFC 9457 "errors".</summary>
        public IDictionary<string, string[]> Errors => FileProblem.ByPlace(Problems);
    }

    /// <param name="name">The document's name (the request body, a file) in the checker's messages.</param>
    public async Task<Outcome> JsonAsync(Stream json, string name, CancellationToken ct)
    {
        var (document, check) = await PlanDocumentReader.ReadAsync(json, name, tenant.Required.Settings.PlanLevels, ct);
        var parentId = document is null ? null : await parents.ResolveAsync(document, check, ct);
        if (document is null || check.HasErrors) return new Outcome(null, check.Problems);
        var plan = writer.Add(document, sourceFile: null, parentId);
        if (plan.Status is PlanStatus.Adopted or PlanStatus.Archived) await lifecycle.FreezeAsync(plan, ct);
        await db.SaveChangesAsync(ct);
        return new Outcome(plan, []);
    }

    public async Task<Outcome> SpreadsheetAsync(Stream xlsx, PlanKind kind, CancellationToken ct)
    {
        using var buffer = new MemoryStream(); // ClosedXML needs a seekable stream
        await xlsx.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var (document, problems) = PlanSpreadsheetReader.Read(buffer, tenant.Required.Settings.PlanLevels, kind);
        if (document is null) return new Outcome(null, problems);
        var plan = writer.Add(document, sourceFile: null);
        await db.SaveChangesAsync(ct);
        return new Outcome(plan, []);
    }
}
