using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EsRegions.Web.Infrastructure.Data;

public static class DataExtensions
{
    public static TBuilder UseEsRegionsNpgsql<TBuilder>(this TBuilder options, string? connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        // Saves go to the server in round trips of at most 100 statements: EF's default of 1,000 built each round trip's
        // SQL and parameter list as large-object-heap arrays (a fan-out of 1,000 invitations is 5,000 INSERTs), and
        // every few of those cost a full garbage collection (docs/performance.md).
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory").MaxBatchSize(100))
            .UseSnakeCaseNamingConvention();
        return options;
    }

    /// <summary>The DbContext on the app role's connection, with the tenant session variable set on every connection.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditActor>();
        builder.Services.AddScoped<TenantSessionInterceptor>();
        // Deliberately no DbContext pooling: the context captures the scope's tenant.
        builder.Services.AddSingleton(sp => new AppConnectionString(WithPreparedStatements(
            sp.GetRequiredService<IConfiguration>().GetConnectionString("App") ?? throw new InvalidOperationException("ConnectionStrings:App is not configured."))));
        builder.Services.AddDbContext<EsRegionsDbContext>((sp, options) => options
            .UseEsRegionsNpgsql(sp.GetRequiredService<AppConnectionString>().Value)
            .AddInterceptors(sp.GetRequiredService<TenantSessionInterceptor>(), CommitNotifier.Instance));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddHostedService<ChangeFeedListener>();
        builder.Services.AddHealthChecks().AddDbContextCheck<EsRegionsDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The app's connection string with Npgsql's automatic preparation on, unless it says otherwise: a statement the app
    /// runs again and again (every query EF generates, the INSERT of each row of a save) is parsed and planned once per
    /// connection instead of every time. A fan-out of 1,000 invitations is 5,000 INSERTs; PostgreSQL's share of it fell by
    /// a quarter (docs/performance.md). Row-level security is unaffected: the policies read app.tenant_id when a statement
    /// runs, not when it is planned.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }
}

/// <summary>The app role's connection string as the DbContext uses it (<see cref="DataExtensions.WithPreparedStatements"/>).</summary>
internal sealed record AppConnectionString(string Value);

/// <summary>For `dotnet ef migrations add`: a context with no tenant, on a connection string that need not exist.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EsRegionsDbContext>
{
    public EsRegionsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EsRegionsDbContext>()
            .UseEsRegionsNpgsql("Host=127.0.0.1;Port=5433;Database=esregions;Username=esregions_owner").Options;
        return new EsRegionsDbContext(options, new(), new(new HttpContextAccessor()), TimeProvider.System);
    }
}
