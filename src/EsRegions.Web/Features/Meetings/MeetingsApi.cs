using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

public sealed record DateDto(string Text, DateOnly From, DateOnly To, string Precision);
public sealed record MeetingDto(Guid Id, string Title, DateDto Date, string? Location, bool Online, string Kind, DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt, string? OnlineUrl, Guid? CommitteeId, bool Public, bool Cancelled, int Sequence, string? Organiser, string? Agenda);
/// <summary>startsAt/endsAt: ISO 8601; without an offset they are Warsaw wall-clock times.</summary>
public sealed record CreateMeetingRequest(string? Title, string? Kind, DateTime? StartsAt, DateTime? EndsAt, string? Location, string? OnlineUrl,
    Guid? CommitteeId, string? Agenda, bool? Public, string? Organiser);
public sealed record CreatedDto(Guid Id);
public sealed record RecipientDto(string? Name, string? Email);
public sealed record InviteRequest(IReadOnlyList<RecipientDto>? Recipients);
public sealed record InviteResult(Guid BatchId, int Queued);
public sealed record ResponseDto(string Email, string Status, string? Substitute, string? Name, DateTimeOffset? RespondedAt, bool? Attended);
public sealed record BatchDto(Guid BatchId, string Kind, int Queued, int Pending, int Sent, int Failed);

/// <summary>API.md "Committees and meetings": the calendar, exact meetings, invitations and answers.</summary>
internal static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/meetings").WithTags("Meetings");
        g.MapGet("/", ListAsync).WithName("ListMeetings")
            .WithSummary("Calendar entries overlapping from..to (YYYY-MM-DD), with dates as written and as intervals; optional committee and kind filters");
        g.MapGet("/{id:guid}", GetAsync).WithName("GetMeeting").WithSummary("One calendar entry");
        g.MapPost("/", CreateAsync).WithName("CreateMeeting").WithSummary("Adds an exact meeting (start and end); 201 with Location and its id")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapPut("/{id:guid}/schedule", RescheduleAsync).WithName("RescheduleMeeting")
            .WithSummary("Moves a meeting or changes its place; invitees get an update (same UID, next SEQUENCE)")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelMeeting").WithSummary("Cancels a meeting; invitees get METHOD:CANCEL")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapPost("/{id:guid}/invitations", InviteAsync).WithName("InviteToMeeting")
            .WithSummary("Queues one invitation e-mail per new recipient (iTIP REQUEST + personal RSVP link); 202 with the batch id")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapGet("/{id:guid}/invitations/batches/{batchId:guid}", BatchAsync).WithName("InvitationBatchProgress")
            .WithSummary("Progress of one sending: queued, pending, sent, failed").RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapGet("/{id:guid}/responses", ResponsesAsync).WithName("MeetingResponses").WithSummary("Each invitee's answer")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        return api;
    }

    internal static MeetingDto Dto(Meeting m) => new(m.Id, m.Title, new DateDto(m.Date.Text, m.Date.From, m.Date.To, MeetingText.Api(m.Date.Precision)),
        m.Location, m.Online, MeetingText.Api(m.Kind), m.StartsAt, m.EndsAt, m.OnlineUrl, m.CommitteeId, m.IsPublic, m.IsCancelled, m.Sequence, m.Organiser, m.Agenda);

    private static async Task<Results<Ok<List<MeetingDto>>, ValidationProblem>> ListAsync(DateOnly? from, DateOnly? to, Guid? committee, string? kind,
        EsRegionsDbContext db, CancellationToken ct)
    {
        MeetingKind? k = null;
        if (kind is not null && (k = ParseKind(kind)) is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [KindHint] });
        var query = db.Set<Meeting>().AsQueryable();
        if (from is { } f) query = query.Where(m => m.Date.To >= f);
        if (to is { } t) query = query.Where(m => m.Date.From <= t);
        if (committee is { } c) query = query.Where(m => m.CommitteeId == c);
        if (k is { } kk) query = query.Where(m => m.Kind == kk);
        var rows = await query.OrderBy(m => m.Date.From).ThenBy(m => m.StartsAt).ThenBy(m => m.SourceKey).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound>> GetAsync(Guid id, EsRegionsDbContext db, CancellationToken ct) =>
        await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? TypedResults.Ok(Dto(m)) : TypedResults.NotFound();

    private static async Task<Results<Created<CreatedDto>, ValidationProblem>> CreateAsync(CreateMeetingRequest body, HttpRequest request,
        EsRegionsDbContext db, CancellationToken ct)
    {
        var errors = await ValidateAsync(body, db, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (start, end) = (WarsawInstant(body.StartsAt!.Value), WarsawInstant(body.EndsAt!.Value));
        var meeting = new Meeting(body.Title!, ParseKind(body.Kind!)!.Value, FuzzyDate.Exact(LocalDay(start)));
        meeting.Describe(body.Title!, meeting.Kind, body.Organiser, body.Agenda, null, body.CommitteeId, body.Public ?? false);
        meeting.Schedule(FuzzyDate.Exact(LocalDay(start)), start, end, body.Location, body.OnlineUrl is not null, body.OnlineUrl);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{request.PathBase}/api/v1/meetings/{meeting.Id}", new CreatedDto(meeting.Id));
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound, ValidationProblem>> RescheduleAsync(Guid id, CreateMeetingRequest body,
        EsRegionsDbContext db, MeetingInvitations invitations, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return TypedResults.NotFound();
        var errors = await ValidateAsync(body with { Title = body.Title ?? meeting.Title, Kind = body.Kind ?? MeetingText.Api(meeting.Kind) }, db, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (start, end) = (WarsawInstant(body.StartsAt!.Value), WarsawInstant(body.EndsAt!.Value));
        if (meeting.Schedule(FuzzyDate.Exact(LocalDay(start)), start, end, body.Location, body.OnlineUrl is not null, body.OnlineUrl))
            await invitations.SendUpdateAsync(meeting, http.User.Identity?.Name, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(meeting));
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound>> CancelAsync(Guid id, EsRegionsDbContext db, MeetingInvitations invitations,
        HttpContext http, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return TypedResults.NotFound();
        await invitations.CancelAsync(meeting, http.User.Identity?.Name, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(meeting));
    }

    private static async Task<Results<Accepted<InviteResult>, NotFound, ValidationProblem>> InviteAsync(Guid id, InviteRequest body,
        EsRegionsDbContext db, MeetingInvitations invitations, HttpContext http, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        var recipients = body.Recipients ?? [];
        if (recipients.Count == 0) errors["recipients"] = ["At least one recipient is required."];
        if (recipients.Count > 2000) errors["recipients"] = ["At most 2000 recipients per request."];
        for (var i = 0; i < recipients.Count; i++)
            if (string.IsNullOrWhiteSpace(recipients[i].Email) || !new EmailAddressAttribute().IsValid(recipients[i].Email))
                errors[$"recipients[{i}].email"] = ["A valid e-mail address is required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var batch = await invitations.InviteAsync(meeting, recipients.Select(r => new Recipient(r.Email!, r.Name)), http.User.Identity?.Name, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"{http.Request.PathBase}/api/v1/meetings/{id}/invitations/batches/{batch.Id}", new InviteResult(batch.Id, batch.Queued));
    }

    private static async Task<Results<Ok<BatchDto>, NotFound>> BatchAsync(Guid id, Guid batchId, EsRegionsDbContext db, CancellationToken ct) =>
        await BatchProgress.LoadAsync(db, id, batchId, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ResponseDto>>, NotFound>> ResponsesAsync(Guid id, EsRegionsDbContext db, CancellationToken ct)
    {
        if (!await db.Set<Meeting>().AnyAsync(m => m.Id == id, ct)) return TypedResults.NotFound();
        var rows = await db.Set<Invitation>().Where(i => i.MeetingId == id).OrderBy(i => i.Email).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(i => new ResponseDto(i.Email, MeetingText.Api(i.Status), i.Substitute, i.Name, i.RespondedAt, i.Attended)).ToList());
    }

    private const string KindHint = "kind must be one of sitting, meeting, monitoringMeeting, conference, studyVisit, gala, workshop, training, task.";

    internal static MeetingKind? ParseKind(string text) =>
        Enum.GetValues<MeetingKind>().Cast<MeetingKind?>().FirstOrDefault(k => MeetingText.Api(k!.Value) == text);

    private static async Task<Dictionary<string, string[]>> ValidateAsync(CreateMeetingRequest b, EsRegionsDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(b.Title)) errors["title"] = ["The title is required."];
        else if (b.Title.Length > 1000) errors["title"] = ["At most 1000 characters."];
        if (b.Kind is null || ParseKind(b.Kind) is null) errors["kind"] = [KindHint];
        if (b.StartsAt is null) errors["startsAt"] = ["The start (ISO 8601) is required."];
        if (b.EndsAt is null) errors["endsAt"] = ["The end (ISO 8601) is required."];
        else if (b.StartsAt is not null && WarsawInstant(b.EndsAt.Value) <= WarsawInstant(b.StartsAt.Value)) errors["endsAt"] = ["The end must be after the start."];
        if (b.OnlineUrl is not null && !(Uri.TryCreate(b.OnlineUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"))
            errors["onlineUrl"] = ["An absolute http(s) address is required."];
        if (b.CommitteeId is { } c && !await db.Set<Committee>().AnyAsync(x => x.Id == c, ct)) errors["committeeId"] = ["No such committee in this region."];
        return errors;
    }

    /// <summary>An instant from a time with an offset, or from a Warsaw wall-clock time without one.</summary>
    internal static DateTimeOffset WarsawInstant(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(t, TimeSpan.Zero),
        DateTimeKind.Local => new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero),
        _ => PolishCalendar.AtWarsawTime(DateOnly.FromDateTime(t), TimeOnly.FromDateTime(t)),
    };

    internal static DateOnly LocalDay(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, PolishCalendar.Warsaw).DateTime);
}
