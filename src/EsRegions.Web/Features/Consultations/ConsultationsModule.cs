using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.Web.Features.Consultations;

/// <summary>Consultations of plan versions and materials: participants, personal reply links, responses, the report.</summary>
public static class ConsultationsModule
{
    public static WebApplicationBuilder AddConsultations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ConsultationDrafts>();
        services.AddScoped<ConsultationQueries>();
        services.AddScoped<Plans.IPlanConsultations, PlanConsultationsSource>();
        services.AddScoped<ConsultationParticipants>();
        services.AddScoped<ConsultationInvitations>();
        services.AddScoped<ConsultationLinks>();
        services.AddScoped<ConsultationOpening>();
        services.AddScoped<ConsultationReminders>();
        services.AddScoped<ConsultationReport>();
        services.AddScoped<ConsultationReportPublishing>();
        services.AddScoped<ConsultationReplies>();
        services.AddSingleton<ConsultationPublicLink>();
        // Participant sources: each is one IParticipantSource registered here (the staff page lists them in this order).
        services.AddSingleton<IParticipantSource, PastedListSource>();
        services.AddSingleton<IParticipantSource, CsvFileSource>();
        services.AddScoped<IParticipantSource, CommitteeParticipantSource>();
        services.AddScoped<IPersonalDataSource, ConsultationPersonalData>();
        services.AddScoped<IReminderAudience, NotRepliedAudience>();
        services.AddScoped<IReminderAudience, StaffAudience>();
        return builder;
    }

    public static WebApplication MapConsultations(this WebApplication app)
    {
        app.MapTenantApi().MapConsultationsApi();
        return app;
    }
}
