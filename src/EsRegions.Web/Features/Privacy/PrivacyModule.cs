using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using Hangfire;

namespace EsRegions.Web.Features.Privacy;

/// <summary>
/// Personal data (RODO): export and erasure of one person's data across every module's <see cref="IPersonalDataSource"/>,
/// the erasure records, and the daily retention job. Sources live in their modules' folders; the ones of committees,
/// meetings, accounts and the outbox are registered here.
/// </summary>
public static class PrivacyModule
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PersonalDataService>();
        services.AddScoped<AuditRedaction>();
        services.AddSingleton<RetentionJob>();
        services.AddScoped<IPersonalDataSource, CommitteeMemberPersonalData>();
        services.AddScoped<IPersonalDataSource, InvitationPersonalData>();
        services.AddScoped<IPersonalDataSource, UserPersonalData>();
        services.AddScoped<IPersonalDataSource, OutboxPersonalData>();
        services.AddScoped<IPersonalDataSource, ReminderPersonalData>();
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapTenantApi().MapPrivacyApi();
        return app;
    }

    /// <summary>Retention runs daily at 02:30 UTC (after migrations: Hangfire's schema must exist).</summary>
    public static WebApplication SchedulePrivacyJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<RetentionJob>(
            RetentionJob.RecurringJobId, j => j.ApplyAllAsync(CancellationToken.None), "30 2 * * *");
        return app;
    }
}
