using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Infrastructure.Links;

public sealed class EmailLinksTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Rsvp = "meeting-rsvp";
    private static readonly Guid Invitation = Guid.Parse("5e1ec7ed-0000-4000-8000-000000000001");
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private DateTimeOffset Expiry => _clock.GetUtcNow().AddDays(10);

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = _clock };

    private async Task<T> InScope<T>(string slug, Func<EmailLinks, EsRegionsDbContext, Task<T>> action)
    {
        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var result = await action(scope.ServiceProvider.GetRequiredService<EmailLinks>(), db);
        await db.SaveChangesAsync();
        return result;
    }

    private Task<string> IssueAsync(string slug = "mazowsze") => InScope(slug, (links, _) => Task.FromResult(links.Issue(Rsvp, Invitation, Expiry)));

    private Task<EmailLink?> ResolveAsync(string token, string slug = "mazowsze", string purpose = Rsvp) =>
        InScope(slug, (links, _) => links.ResolveAsync(purpose, token));

    [Fact]
    public async Task Issued_token_resolves_to_its_subject_and_only_its_hash_is_stored()
    {
        var token = await IssueAsync();

        var link = await ResolveAsync(token);

        Assert.NotNull(link);
        Assert.Equal(Invitation, link.SubjectId);
        Assert.Equal(43, token.Length);
        var stored = await InScope("mazowsze", (_, db) => db.Set<EmailLink>().SingleAsync());
        Assert.Equal(32, stored.TokenHash.Length);
        Assert.DoesNotContain(token, Convert.ToBase64String(stored.TokenHash));
    }

    [Fact]
    public async Task Tampered_random_truncated_and_malformed_tokens_resolve_to_nothing()
    {
        var token = await IssueAsync();
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];

        Assert.Null(await ResolveAsync(tampered));
        Assert.Null(await ResolveAsync(Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_')));
        Assert.Null(await ResolveAsync(token[..^1]));
        Assert.Null(await ResolveAsync(token[..^1] + "!"));
        Assert.Null(await ResolveAsync(""));
    }

    [Fact]
    public async Task Token_opens_nothing_for_another_purpose_or_another_tenant()
    {
        var token = await IssueAsync("mazowsze");

        Assert.Null(await ResolveAsync(token, purpose: "consultation-reply"));
        Assert.Null(await ResolveAsync(token, slug: "malopolska"));
        Assert.NotNull(await ResolveAsync(token));
    }

    [Fact]
    public async Task Token_stops_working_at_its_expiry_and_an_extended_one_works_again()
    {
        var token = await IssueAsync();

        _clock.Set(Expiry);
        Assert.Null(await ResolveAsync(token));

        await InScope("mazowsze", async (links, _) => { await links.ExtendAsync(Rsvp, Invitation, Expiry.AddDays(1)); return 0; });
        Assert.NotNull(await ResolveAsync(token));
    }

    [Fact]
    public async Task Revoked_token_resolves_to_nothing()
    {
        var token = await IssueAsync();

        await InScope("mazowsze", async (links, _) => { await links.RevokeAsync(Rsvp, Invitation); return 0; });

        Assert.Null(await ResolveAsync(token));
    }
}
