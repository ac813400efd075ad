using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Features.Privacy;
using EsRegions.Web.Features.Tenancy;
using EsRegions.Web.Infrastructure;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Jobs;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;

// EsRegions: one host for every region. `dotnet EsRegions.Web.dll migrate` applies migrations and loads tenant data, then exits.
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddStructuredLogging();
    builder.AddTelemetry();
    builder.AddTenancyModule();
    builder.AddWebPlatform();
    builder.AddData();
    builder.AddSecurity();
    builder.AddIdentityModule();
    builder.AddJobs();
    builder.AddNotifications();
    builder.AddPlans();
    builder.AddMonitoring();
    builder.AddCommittees();
    builder.AddMeetings();
    builder.AddConsultations();
    builder.AddPrivacy();

    var app = builder.Build();
    app.UseWebPlatform();
    app.MapWebPlatform();
    app.MapTenancy();
    app.MapIdentity();
    app.MapNotifications();
    app.MapPlans();
    app.MapMonitoring();
    app.MapCommittees();
    app.MapMeetings();
    app.MapConsultations();
    app.MapPrivacy();

    var migrateOnly = args.Contains("migrate");
    await app.PrepareDatabaseAsync(migrateOnly);
    await app.LoadTenantStatesAsync();
    if (!migrateOnly)
    {
        if (app.Environment.IsDevelopment()) await app.SeedDemoAccountsAsync();
        app.ScheduleNotificationJobs();
        app.ScheduleIdentityJobs();
        app.SchedulePrivacyJobs();
        await app.RunAsync();
    }
    return 0;
}
catch (ConfigurationErrorException ex)
{
    // One readable message (for tenant files: each file and JSON path) instead of a stack trace.
    Console.Error.WriteLine(ex.Message);
    return 2;
}

public partial class Program;
