using EsRegions.Web.Features.Committees;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// iCalendar feeds: the region's public meetings at /{slug}/calendar.ics (anonymous), and a private feed per committee
/// member at /{slug}/calendar/{token}.ics (the secret token is in the URL; only its SHA-256 is stored). Entries whose
/// date is vaguer than a day ("Styczeń", "Połowa lutego") are left out: a calendar program would show them as
/// month-long events.
/// </summary>
internal static class CalendarFeeds
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapTenantGroup("").WithTags("Meetings").AllowAnonymous();
        feeds.MapGet("/calendar.ics", PublicAsync).WithName("PublicCalendarFeed").WithSummary("The region's public meetings (iCalendar)");
        feeds.MapGet("/calendar/{token}.ics", PrivateAsync).WithName("MemberCalendarFeed")
            .WithSummary("A committee member's meetings (iCalendar); the token is the member's secret").RequireRateLimiting(EmailLinkPages.RateLimitPolicy);
        return app;
    }

    private static readonly FuzzyDatePrecision[] FeedPrecisions = [FuzzyDatePrecision.Day, FuzzyDatePrecision.DayRange, FuzzyDatePrecision.Deadline];

    private static async Task<IResult> PublicAsync(EsRegionsDbContext db, TenantContext tenant, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var meetings = await Dated(db.Set<Meeting>().Where(m => m.IsPublic)).ToListAsync(ct);
        response.Headers.CacheControl = "public, max-age=300";
        return Ics(ICalendarWriter.Feed($"{tenant.Required.Settings.Operator.ShortName} — kalendarz", meetings, clock.GetUtcNow(), Describe));
    }

    private static async Task<IResult> PrivateAsync(string token, EsRegionsDbContext db, TenantContext tenant, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var hash = EmailLinks.HashOf(token);
        var member = hash is null ? null : await db.Set<CommitteeMember>().FirstOrDefaultAsync(m => m.FeedTokenHash == hash, ct);
        if (member is null) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var committees = await db.Set<CommitteeMember>().Where(m => m.FullName == member.FullName && m.Email == member.Email && m.LeftOn == null)
            .Select(m => m.CommitteeId).ToListAsync(ct);
        var invitedTo = member.Email is null ? [] : await db.Set<Invitation>().Where(i => i.Email == member.Email.ToLower()).Select(i => i.MeetingId).ToListAsync(ct);
        var meetings = await Dated(db.Set<Meeting>().Where(m => (m.CommitteeId != null && committees.Contains(m.CommitteeId.Value)) || invitedTo.Contains(m.Id)))
            .ToListAsync(ct);
        return Ics(ICalendarWriter.Feed($"{tenant.Required.Settings.Operator.ShortName} — {member.FullName}", meetings, clock.GetUtcNow(), Describe));
    }

    private static IQueryable<Meeting> Dated(IQueryable<Meeting> q) =>
        q.Where(m => m.StartsAt != null || FeedPrecisions.Contains(m.Date.Precision)).OrderBy(m => m.Date.From).ThenBy(m => m.StartsAt);

    private static string? Describe(Meeting m) => string.Join("\n\n", new[] { m.Date.Precision == FuzzyDatePrecision.Day || m.StartsAt is not null ? null : $"Termin: {m.Date.Text}", m.Agenda, m.Notes, m.Organiser is null ? null : $"Organizator: {m.Organiser}" }.Where(s => s is not null));

    private static IResult Ics(string body) => TypedResults.Text(body, "text/calendar; charset=utf-8");
}
