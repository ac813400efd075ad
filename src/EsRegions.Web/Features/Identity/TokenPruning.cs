using OpenIddict.Abstractions;

namespace EsRegions.Web.Features.Identity;

/// <summary>Recurring job: deletes OpenIddict tokens and authorizations that expired or were revoked over two weeks ago.</summary>
public sealed class TokenPruning(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock)
{
    public const string RecurringJobId = "oidc-prune";

    public async Task<long> PruneAsync(CancellationToken ct)
    {
        var threshold = clock.GetUtcNow() - TimeSpan.FromDays(14);
        return await tokens.PruneAsync(threshold, ct) + await authorizations.PruneAsync(threshold, ct);
    }
}
