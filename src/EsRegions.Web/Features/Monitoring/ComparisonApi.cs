using System.Security.Claims;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>API.md platform routes: the shared indicator catalogue and the cross-region comparison of published values.</summary>
internal static class ComparisonApi
{
    /// <summary>Staff of any active region (session or that region's token) and the platform administrator.</summary>
    public const string Policy = "ComparisonReader";

    public static void AddComparisonPolicy(this IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser().AddRequirements(new StaffOfAnyRegion()));

    public static RouteGroupBuilder MapComparisonApi(this RouteGroupBuilder api)
    {
        api.MapGet("/indicator-catalogue", CatalogueAsync).WithTags("Comparison").WithName("IndicatorCatalogue")
            .WithSummary("The shared indicator catalogue: code, Polish name, unit, definition").AllowAnonymous();
        api.MapGet("/comparison", CompareAsync).WithTags("Comparison").WithName("Comparison")
            .WithSummary("Published values of one catalogue indicator per region and year (format=json|csv|xlsx); staff of any region")
            .RequireAuthorization(Policy);
        return api;
    }

    private static async Task<Ok<List<CatalogueEntryDto>>> CatalogueAsync(Comparison comparison, CancellationToken ct) =>
        TypedResults.Ok(await comparison.CatalogueAsync(ct));

    private static async Task<Results<Ok<ComparisonDto>, FileContentHttpResult, NotFound, ValidationProblem>> CompareAsync(
        string? indicator, int? from, int? to, string? regions, string? format, Comparison comparison, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(indicator)) errors["indicator"] = ["indicator (a catalogue code) is required."];
        // PostgreSQL text cannot hold NUL: such a value would fail in the query (500) instead of being refused.
        else if (indicator.Any(char.IsControl)) errors["indicator"] = ["indicator must not contain control characters."];
        if (regions?.Any(char.IsControl) == true) errors["regions"] = ["regions must not contain control characters."];
        if (from is null) errors["from"] = ["from (a year) is required."];
        if (to is null) errors["to"] = ["to (a year) is required."];
        else if (from is not null && to < from) errors["to"] = ["to must not be before from."];
        if (format is not (null or "json" or "csv" or "xlsx")) errors["format"] = ["format must be json, csv or xlsx."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var list = regions?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await comparison.CompareAsync(indicator!, from!.Value, to!.Value, list, ct);
        if (result is null) return TypedResults.NotFound();
        return format switch
        {
            "csv" => TypedResults.File(ComparisonExport.Csv(result), "text/csv; charset=utf-8", $"porownanie-{result.Indicator}.csv"),
            "xlsx" => TypedResults.File(ComparisonExport.Xlsx(result), ReportSpreadsheet.ContentType, $"porownanie-{result.Indicator}.xlsx"),
            _ => TypedResults.Ok(result),
        };
    }

    internal sealed class StaffOfAnyRegion : IAuthorizationRequirement;

    internal sealed class StaffOfAnyRegionHandler(TenantRegistry registry) : AuthorizationHandler<StaffOfAnyRegion>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffOfAnyRegion requirement)
        {
            var user = context.User;
            var region = Guid.TryParse(user.FindFirstValue(Policies.TenantClaim), out var id) ? registry.FindById(id) : null;
            var staff = user.IsInRole(Policies.Roles.Staff) || user.IsInRole(Policies.Roles.TenantAdmin) || user.IsInRole(Policies.Roles.Secretary);
            if ((region is not null && registry.IsActive(region) && staff) || user.IsInRole(Policies.Roles.PlatformAdmin)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
