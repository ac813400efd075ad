using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EsRegions.Web.Features.Tenancy;

/// <summary>A region served by this deployment, as listed to anyone (API.md: Platform).</summary>
public sealed record TenantSummaryDto(string Slug, string Name, string OperatorName, string CommitteeName);

internal static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tenants", List)
            .WithTags("Platform")
            .WithName("ListTenants")
            .WithSummary("The active regions (tenants) of this deployment")
            .AllowAnonymous();
        return api;
    }

    private static Ok<List<TenantSummaryDto>> List(TenantRegistry registry) =>
        TypedResults.Ok(registry.Active
            .Select(t => new TenantSummaryDto(t.Slug, t.Name, t.Settings.Operator.Name, t.Settings.Committee.Name))
            .ToList());
}
