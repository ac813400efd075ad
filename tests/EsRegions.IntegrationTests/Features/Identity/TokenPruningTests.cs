using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EsRegions.IntegrationTests.Features.Identity;

public sealed class TokenPruningTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Fact]
    public async Task Pruning_removes_tokens_expired_long_ago_and_keeps_current_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = App.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var now = DateTimeOffset.UtcNow;
        await tokens.CreateAsync(Token(now.AddDays(-40), now.AddDays(-39)), ct);
        await tokens.CreateAsync(Token(now.AddMinutes(-5), now.AddMinutes(55)), ct);

        await scope.ServiceProvider.GetRequiredService<TokenPruning>().PruneAsync(ct);

        Assert.Equal(1, await tokens.CountAsync(ct));
    }

    private static OpenIddictTokenDescriptor Token(DateTimeOffset created, DateTimeOffset expires) => new()
    {
        CreationDate = created, ExpirationDate = expires, Status = Statuses.Valid, Type = TokenTypeIdentifiers.AccessToken, Subject = "x",
    };
}
