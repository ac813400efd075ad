using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Support;

/// <summary>
/// The real app (Program) on a test database of its own, migrated and loaded with tenants/ exactly as ops/run.sh
/// does. Intent methods keep tests short: <see cref="ScopeFor"/>, <see cref="TenantId"/>.
/// </summary>
public class EsRegionsAppFactory(TestDatabase database, string? tenantsDirectory = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:App", Database.AppConnection);
        builder.UseSetting("ConnectionStrings:Owner", Database.OwnerConnection);
        builder.UseSetting("Database:MigrateOnStart", "true");
        if (tenantsDirectory is not null) builder.UseSetting("Tenancy:Directory", tenantsDirectory);
    }

    public TenantRegistry Registry => Services.GetRequiredService<TenantRegistry>();

    public Guid TenantId(string slug) => Registry.FindBySlug(slug)!.Id;

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
        App = CreateFactory(await Postgres.CreateDatabaseAsync());
        Client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    protected virtual EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
