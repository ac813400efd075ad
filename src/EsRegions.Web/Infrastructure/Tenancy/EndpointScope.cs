using Microsoft.AspNetCore.Routing.Matching;

namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>Marks an endpoint (page model or API group) as answering only on a tenant's URL.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TenantScopedAttribute : Attribute, IEndpointScope
{
    public bool RequiresTenant => true;
}

/// <summary>Marks an endpoint as platform-wide: it answers only outside any tenant's URL.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PlatformScopedAttribute : Attribute, IEndpointScope
{
    public bool RequiresTenant => false;
}

public interface IEndpointScope
{
    bool RequiresTenant { get; }
}

/// <summary>
/// Makes tenant-scoped endpoints invisible without a resolved tenant and platform endpoints invisible on a tenant's
/// URL, so that "/" is the platform start page and "/mazowsze/" the Mazowsze home page, and anything else is 404.
/// </summary>
internal sealed class EndpointScopeMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<IEndpointScope>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var hasTenant = httpContext.RequestServices.GetRequiredService<TenantContext>().HasTenant;
        for (var i = 0; i < candidates.Count; i++)
        {
            var scope = candidates[i].Endpoint.Metadata.GetMetadata<IEndpointScope>();
            if (scope is not null && scope.RequiresTenant != hasTenant) candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Marks an endpoint that answers on the platform's URL and on every tenant's alike (sign-in, errors, language).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AnyScopeAttribute : Attribute;
