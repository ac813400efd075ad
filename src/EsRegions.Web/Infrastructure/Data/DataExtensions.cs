using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EsRegions.Web.Infrastructure.Data;

public static class DataExtensions
{
    public static TBuilder UseEsRegionsNpgsql<TBuilder>(this TBuilder options, string? connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory")).UseSnakeCaseNamingConvention();
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
        builder.Services.AddDbContext<EsRegionsDbContext>((sp, options) => options
            .UseEsRegionsNpgsql(sp.GetRequiredService<IConfiguration>().GetConnectionString("App")
                ?? throw new InvalidOperationException("ConnectionStrings:App is not configured."))
            .AddInterceptors(sp.GetRequiredService<TenantSessionInterceptor>()));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddHostedService<ChangeFeedListener>();
        builder.Services.AddHealthChecks().AddDbContextCheck<EsRegionsDbContext>("database", tags: ["ready"]);
        return builder;
    }
}

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
