using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Support;

/// <summary>
/// The real app (Program) on a test database of its own, migrated and loaded with tenants/ exactly as ops/run.sh
/// does. Intent methods keep tests short: <see cref="ScopeFor"/>, <see cref="TenantId"/>.
/// </summary>
public class EsRegionsAppFactory(TestDatabase database, string? tenantsDirectory = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>Extra settings (e.g. Smtp:Port) applied on top of the defaults below.</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        // Background machinery is driven explicitly by the tests that need it.
        ["Jobs:Server"] = "false",
        ["Outbox:Dispatcher"] = "false",
        ["Smtp:Port"] = "1",
        // Test classes sign in and open links far faster than people; RateLimitTests set production-like limits.
        ["RateLimits:SignInPerMinute"] = "10000",
        ["RateLimits:EmailLinksPerMinute"] = "10000",
    };

    /// <summary>When set, replaces the app's clock.</summary>
    public TestClock? Clock { get; init; }

    /// <summary>When set, changes the app's services after the app registered its own (e.g. wraps the SMTP sender).</summary>
    public Action<IServiceCollection>? ReplaceServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:App", Database.AppConnection);
        builder.UseSetting("ConnectionStrings:Owner", Database.OwnerConnection);
        builder.UseSetting("Database:MigrateOnStart", "true");
        if (tenantsDirectory is not null) builder.UseSetting("Tenancy:Directory", tenantsDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            TestSignIn.Register(services);
            if (Clock is not null) services.AddSingleton<TimeProvider>(Clock);
            ReplaceServices?.Invoke(services);
        });
    }

    public TenantRegistry Registry => Services.GetRequiredService<TenantRegistry>();

    public Guid TenantId(string slug) => Registry.FindBySlug(slug)!.Id;

    /// <summary>Creates an account with a membership in <paramref name="slug"/> (or none when null) and the given roles.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string password, string? slug, params string[] roles)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser(email, "Anna Testowa"), password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await using var tenantScope = slug is null ? Services.CreateAsyncScope() : ScopeFor(slug);
        var user = (await tenantScope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        if (slug is null) return user;
        var db = tenantScope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        db.Add(new TenantMembership(user.Id, roles));
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>
    /// The account of the test sign-in's person (<see cref="TestSignIn"/>: "Test User"), with <paramref name="email"/>
    /// and a staff membership in <paramref name="slug"/>: what records name "Test User" is that person's for RODO.
    /// </summary>
    public async Task<AppUser> CreateTestSignInUserAsync(string email, string slug)
    {
        var created = await CreateUserAsync(email, "bardzo-dlugie-haslo-42", slug, Policies.Roles.Staff);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(created.Id.ToString()))!;
        user.DisplayName = "Test User";
        await users.UpdateAsync(user);
        return user;
    }

    /// <summary>Creates an account that is the platform administrator (no region membership).</summary>
    public async Task<AppUser> CreatePlatformAdminAsync(string email, string password)
    {
        var created = await CreateUserAsync(email, password, null);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(created.Id.ToString()))!;
        user.IsPlatformAdmin = true;
        await users.UpdateAsync(user);
        return user;
    }

    /// <summary>Puts an e-mail that the server refused ("550 Mailbox unavailable") in the region's outbox.</summary>
    public async Task<Guid> SeedFailedEmailAsync(string slug, string to, string subject = "Zaproszenie", DateTimeOffset? at = null)
    {
        await using var scope = ScopeFor(slug);
        var message = new OutboxMessage($"test:{to}", new EmailAddress(to, "Jan Kowalski"),
            new EmailContent(subject, "t", "<p>t</p>"), at ?? DateTimeOffset.UtcNow);
        message.Fail("550 Mailbox unavailable");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>A DI scope bound to one tenant, as a background job would open it.</summary>
    public AsyncServiceScope ScopeFor(string slug) =>
        Services.GetRequiredService<TenantScopeFactory>().CreateScope(TenantId(slug));
}

/// <summary>Base for test classes that need the app on their own database.</summary>
public abstract class AppTestBase(PostgresServer postgres) : IAsyncLifetime
{
    protected PostgresServer Postgres { get; } = postgres;
    protected EsRegionsAppFactory App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await BeforeAppStartsAsync();
        try
        {
            App = CreateFactory(await Postgres.CreateDatabaseAsync());
        }
        catch
        {
            // xunit does not dispose a class whose initialisation failed: stop what BeforeAppStartsAsync started.
            await AfterAppStoppedAsync();
            throw;
        }
        Client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    protected virtual EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database);

    /// <summary>A client whose every request is signed in as <paramref name="role"/> of <paramref name="slug"/>.</summary>
    protected HttpClient ClientAs(string role, string slug)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestSignIn.Header, TestSignIn.As(role, App.TenantId(slug)));
        return client;
    }

    protected virtual Task BeforeAppStartsAsync() => Task.CompletedTask;

    protected virtual ValueTask AfterAppStoppedAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await AfterAppStoppedAsync();
        await Postgres.DropDatabaseAsync(App.Database);
    }
}
