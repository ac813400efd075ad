using EsRegions.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace EsRegions.Web.Features.Notifications;

/// <summary>E-mail outbox and its dispatcher, e-mail templates, reminders and their sweeper, the working-day calendar.</summary>
public static class NotificationsModule
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        services.Configure<AppOptions>(builder.Configuration.GetSection("App"));
        services.AddKeyedSingleton(SmtpResilience.PipelineKey, (sp, _) =>
        {
            var o = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return SmtpResilience.Build(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Timeout, o.BreakDuration);
        });
        services.AddSingleton<Func<ISmtpSender>>(sp => () => new MailKitSmtpSender(sp.GetRequiredService<IOptions<SmtpOptions>>()));
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxWakeUp>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<EmailComposer>();
        services.AddScoped<Reminders>();
        services.AddScoped<IReminderAudience, ReminderAudience>();
        services.AddSingleton<ReminderSweeper>();
        services.AddSingleton<OutboxDispatcherService>();
        if (builder.Configuration.GetValue("Outbox:Dispatcher", true))
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcherService>());
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapJobsDashboard();
        return app;
    }

    /// <summary>Registers the recurring sweeper (after migrations: Hangfire's schema must exist).</summary>
    public static WebApplication ScheduleNotificationJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReminderSweeper>(
            ReminderSweeper.RecurringJobId, s => s.SweepAllAsync(CancellationToken.None), Cron.Minutely());
        return app;
    }
}
