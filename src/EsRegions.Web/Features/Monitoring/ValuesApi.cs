using System.Text.Json;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>API.md body of PUT …/values/{period}: value is a number (text for a text target); assessment is optional.</summary>
public sealed record ValueRequest(JsonElement Value, string? Comment, string? Assessment);
public sealed record ValueDto(Guid IndicatorId, string Period, decimal? Value, string? Text, string? Comment, string? Assessment, string Status,
    string EnteredBy, DateTimeOffset EnteredAt);
public sealed record RevisionDto(string Period, decimal? Value, string? Text, string? Comment, string? Assessment, string ChangedBy, DateTimeOffset ChangedAt);
public sealed record AssignmentRequest(Guid? OrganisationId);
public sealed record CatalogueCodeRequest(string? Code);

/// <summary>API.md "Monitoring": indicator values (Staff and assigned Implementers), assignments and catalogue mapping (Staff).</summary>
internal static class ValuesApi
{
    public static RouteGroupBuilder MapValuesApi(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators/{id:guid}").WithTags("Monitoring");
        indicators.MapPut("/values/{period}", PutAsync).WithName("PutIndicatorValue")
            .WithSummary("Enters the actual value of an indicator for a period (2024 or 2024-Q2); a value off target needs a comment explaining why; 409 when the period is approved")
            .WithDescription("value is a JSON number, or text for a text target. A number sent as text is read with a comma or a dot as the decimal mark (\"31,5\"); \"1,500\" or \"1.500\" is refused with 400, as it may mean thousands.");
        indicators.MapGet("/values", HistoryAsync).WithName("IndicatorValueHistory").WithSummary("Every change of the indicator's values, newest first");
        indicators.MapPut("/assignment", AssignAsync).WithName("AssignIndicator")
            .WithSummary("Assigns the indicator to an implementer organisation of the region's register (null: unassigned)").RequireAuthorization(Policies.TenantStaff);
        indicators.MapPut("/catalogue-code", MapCodeAsync).WithName("MapIndicatorToCatalogue")
            .WithSummary("Maps the indicator to a code of the shared indicator catalogue (null: unmapped)").RequireAuthorization(Policies.TenantStaff);
        return api;
    }

    private static async Task<Results<Ok<ValueDto>, NotFound, ForbidHttpResult, ValidationProblem>> PutAsync(
        Guid id, string period, ValueRequest body, ValueEntry entry, CancellationToken ct)
    {
        var (number, text, errors) = ReadValue(body);
        Assessment? assessment = null;
        if (body.Assessment is not null)
        {
            if (Enum.TryParse<Assessment>(body.Assessment, ignoreCase: true, out var a)) assessment = a;
            else errors["assessment"] = ["Use achieved, partlyAchieved or notAchieved."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await entry.EnterAsync(id, period, new ValueInput(number, text, body.Comment, assessment), ct);
        return result.Outcome switch
        {
            EntryOutcome.NotFound => TypedResults.NotFound(),
            EntryOutcome.Forbidden => TypedResults.Forbid(),
            EntryOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!),
            _ => TypedResults.Ok(Dto(id, result.Value!, result.Status)),
        };
    }

    private static (decimal? Number, string? Text, Dictionary<string, string[]> Errors) ReadValue(ValueRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        switch (body.Value.ValueKind)
        {
            case JsonValueKind.Number when body.Value.TryGetDecimal(out var n): return (n, null, errors);
            case JsonValueKind.String:
                var s = body.Value.GetString()!;
                if (TypedNumber.TryParse(s, out var parsed)) return (parsed, null, errors);
                if (TypedNumber.IsAmbiguous(s))
                    errors["value"] = [$"'{s}' is ambiguous (thousands or a fraction?): send a JSON number, or write thousands without a separator."];
                return (null, s, errors);
            default:
                errors["value"] = ["value is required: a number, or text for a text target."];
                return (null, null, errors);
        }
    }

    internal static ValueDto Dto(Guid indicatorId, IndicatorValue v, Status status) => new(indicatorId, v.Period, v.Number, v.Text, v.Comment,
        v.Assessment is { } a ? AnnualReport.Camel(a) : null, IndicatorStatus.Camel(status), v.EnteredBy, v.EnteredAt);

    private static async Task<Results<Ok<List<RevisionDto>>, NotFound>> HistoryAsync(Guid id, EsRegionsDbContext db, CancellationToken ct)
    {
        if (await MonitoredPlan.ForIndicatorAsync(db, id, ct) is not var (plan, _)) return TypedResults.NotFound();
        if (plan.TrackOf(id) is not { } track) return TypedResults.Ok(new List<RevisionDto>());
        var rows = await db.Set<IndicatorValueRevision>().Where(r => r.TrackId == track.Id).OrderByDescending(r => r.ChangedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new RevisionDto(r.Period, r.Number, r.Text, r.Comment,
            r.Assessment is { } a ? AnnualReport.Camel(a) : null, r.ChangedBy, r.ChangedAt)).ToList());
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> AssignAsync(Guid id, AssignmentRequest body, EsRegionsDbContext db, CancellationToken ct)
    {
        if (await MonitoredPlan.ForIndicatorAsync(db, id, ct) is not var (plan, indicator)) return TypedResults.NotFound();
        if (body.OrganisationId is { } org && !await db.Set<Organisation>().AnyAsync(o => o.Id == org, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["organisationId"] = ["Nie ma takiej organizacji w rejestrze regionu."] });
        plan.EnsureTrack(db, indicator).AssignTo(body.OrganisationId);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> MapCodeAsync(Guid id, CatalogueCodeRequest body, EsRegionsDbContext db, CancellationToken ct)
    {
        var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null) return TypedResults.NotFound();
        var code = string.IsNullOrWhiteSpace(body.Code) ? null : body.Code.Trim();
        if (code is not null && !await db.Set<CatalogueIndicator>().AnyAsync(c => c.Code == code, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Nie ma takiego kodu w katalogu wskaźników."] });
        indicator.MapToCatalogue(code);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
