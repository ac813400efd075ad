using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

public sealed record PlanSummaryDto(Guid Id, string Title, string Kind, string? Years, string Status, Guid? ParentPlanId = null);
public sealed record PlanDto(Guid Id, string Title, string Kind, string? Years, string Status, string? Resolution, IReadOnlyList<string> Levels,
    IReadOnlyList<NodeDto> Nodes, string? ResolutionUnknown = null, Guid? ParentPlanId = null);
public sealed record NodeDto(Guid Id, string Level, string Code, string Title, IReadOnlyList<NodeDto>? Children, IReadOnlyList<ActionDto>? Actions);
public sealed record ActionDto(Guid Id, string Code, string Name, string Description, string Product, IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<BudgetDto> Budget, TimeframeDto Timeframe, IReadOnlyList<string> Implementers);
public sealed record IndicatorDto(Guid Id, string Name, TargetDto Target, string? CatalogueCode);
public sealed record TargetDto(string Kind, decimal? Value, string? Unit, string Text);
public sealed record BudgetDto(decimal? Amount, string Source);
public sealed record TimeframeDto(string Text, DateOnly? From, DateOnly? To);

/// <summary>API.md "Plans": the region's plans and one plan's tree.</summary>
internal static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("The region's multi-year and annual plans");
        plans.MapGet("/{id:guid}", GetAsync).WithName("GetPlan").WithSummary("One plan with its levels, nodes, actions and indicators")
            .WithDescription("The answer carries an ETag that changes with every change of the plan; send it back in If-None-Match to get 304 when nothing changed.")
            .Produces<PlanDto>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:guid}/export", ExportAsync).WithName("ExportPlan")
            .WithSummary("The plan as a file: format=json (the import format, tenants/PLAN-FORMAT.md) or format=xlsx (the seven columns of the regions' tables)");
        plans.MapPost("/import", ImportAsync).WithName("ImportPlan")
            .WithSummary("Stores a plan sent in the import format (JSON), or with format=xlsx the spreadsheet of the export (kind=annual|multiYear, "
                + "stored as a draft); an invalid document stores nothing and gets 400 with every error's JSON path or sheet!cell")
            .RequireAuthorization(Policies.TenantStaff)
            .WithMetadata(new RequestSizeLimitAttribute(PlanImport.MaxBytes));
        return api;
    }

    private static async Task<Ok<List<PlanSummaryDto>>> ListAsync(EsRegionsDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<Plan>().OrderByDescending(p => p.YearFrom).ThenBy(p => p.Title).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(PlanQueries.Summary).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, PlanTreeCache cache, EsRegionsDbContext db, PlanQueries plans,
        TenantContext tenant, CancellationToken ct)
    {
        if (await cache.GetAsync(id, db, plans, tenant, ct) is not { } answer) return TypedResults.NotFound();
        // Private: the tree is a region's data for signed-in callers; no-cache: a client may keep it but must ask again.
        http.Response.Headers.ETag = answer.ETag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (PlanTreeCache.Matches(http.Request, answer.ETag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(answer.Json, "application/json; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, NotFound, ProblemHttpResult>> ExportAsync(
        Guid id, string? format, PlanExport export, TenantContext tenant, CancellationToken ct)
    {
        if (format is not (null or "json" or "xlsx"))
            return TypedResults.Problem(statusCode: 400, title: "Unsupported format", detail: "format must be json or xlsx.");
        var document = await export.LoadAsync(id, ct);
        if (document is null) return TypedResults.NotFound();
        var name = $"plan-{document.YearFrom?.ToString() ?? "bez-lat"}-{id.ToString()[..8]}";
        if (format == "xlsx")
            return TypedResults.File(PlanSpreadsheet.Write(document, tenant.Required.Settings.PlanLevels.Select(l => l.Label).ToList()),
                XlsxType, name + ".xlsx");
        var json = PlanExport.ToJson(document).ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return TypedResults.Content(json, "application/json; charset=utf-8");
    }

    private static async Task<Results<Created<PlanSummaryDto>, ValidationProblem>> ImportAsync(
        HttpRequest request, string? format, string? kind, PlanImport import, CancellationToken ct)
    {
        PlanImport.Outcome outcome;
        if (format == "xlsx" || request.ContentType?.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase) == true)
        {
            if (PlanImport.SpreadsheetKind(kind) is not { } planKind)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["kind must be annual or multiYear."] },
                    title: "The spreadsheet is invalid; nothing was stored.");
            outcome = await import.SpreadsheetAsync(request.Body, planKind, ct);
            if (outcome.Plan is null) return TypedResults.ValidationProblem(outcome.Errors, title: "The spreadsheet is invalid; nothing was stored.");
        }
        else
        {
            outcome = await import.JsonAsync(request.Body, "body", ct);
            if (outcome.Plan is null) return TypedResults.ValidationProblem(outcome.Errors, title: "The plan document is invalid; nothing was stored.");
        }
        return TypedResults.Created($"{request.PathBase}/api/v1/plans/{outcome.Plan.Id}", PlanQueries.Summary(outcome.Plan));
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
