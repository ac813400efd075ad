using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.Web.Features.Meetings;

/// <summary>The calendar (fuzzy dates), meetings, invitations with iCalendar and RSVP by link, reminders, attendance, minutes, feeds.</summary>
public static class MeetingsModule
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MeetingInvitations>();
        builder.Services.AddScoped<CalendarQuery>();
        builder.Services.AddScoped<IReminderAudience, MeetingAttendeesAudience>();
        builder.Services.AddScoped<IReminderAudience, MinutesMissingAudience>();
        // After the committees' loader (registered by AddCommittees): calendar entries name committees by key.
        builder.Services.AddScoped<ITenantDataLoader, CalendarFileLoader>();
        return builder;
    }

    public static WebApplication MapMeetings(this WebApplication app)
    {
        app.MapTenantApi().MapMeetingsApi();
        app.MapCalendarFeeds();
        return app;
    }
}
