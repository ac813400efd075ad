using System.Net.Mail;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

public sealed record CallSummaryDto(Guid Id, string Title, Guid CommitteeId, string Committee, string Status, DateOnly ApplicationDeadline,
    DateOnly? ConfirmationBy, IReadOnlyList<string> Seats, int Applications, int Pending);
public sealed record CallDto(Guid Id, string Title, string Text, Guid CommitteeId, string Committee, string Status, DateOnly ApplicationDeadline,
    DateOnly? ConfirmationBy, IReadOnlyList<string> Seats, bool AcceptsApplications, string PublicUrl);
/// <summary>seats: camelCase seat categories (empty or absent: any); the call starts as a draft unless open is true.</summary>
public sealed record CreateCallRequest(Guid? CommitteeId, string? Title, string? Text, DateOnly? ApplicationDeadline, DateOnly? ConfirmationBy,
    IReadOnlyList<string>? Seats, bool? Open);
public sealed record ApplicationDto(Guid Id, string Name, string Email, string Institution, string Seat, string Motivation, bool RodoConsent,
    DateTimeOffset SubmittedAt, string Status, string? Note, DateTimeOffset? DecidedAt, string? DecidedBy, Guid? MemberId);
/// <summary>decision: "accepted" | "rejected"; an acceptance may give role and term (default: member, 3 years from today).</summary>
public sealed record DecisionRequest(string? Decision, string? Note, string? Role, DateOnly? TermFrom, DateOnly? TermTo);

/// <summary>Calls for members (zgłoszenia): list, create, open and close; staff read and decide the applications.</summary>
internal static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calls").WithTags("Calls for members");
        g.MapGet("/", ListAsync).WithName("ListCalls").WithSummary("The region's calls for members, newest deadline first");
        g.MapPost("/", CreateAsync).WithName("CreateCall").WithSummary("Adds a call for a committee or group; 201 with Location and its id")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapGet("/{id:guid}", GetAsync).WithName("GetCall").WithSummary("One call with its text");
        g.MapPost("/{id:guid}/open", OpenAsync).WithName("OpenCall").WithSummary("Publishes the call and accepts applications until its deadline")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseCall").WithSummary("Stops accepting applications")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapGet("/{id:guid}/applications", ApplicationsAsync).WithName("ListCallApplications").WithSummary("Every application with its status")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        g.MapPost("/{id:guid}/applications/{applicationId:guid}/decision", DecideAsync).WithName("DecideCallApplication")
            .WithSummary("Accepts (a new committee seat) or rejects an application; the applicant is told by e-mail")
            .RequireAuthorization(Policies.CommitteeSecretariat);
        return api;
    }

    internal static string Api<T>(T value) where T : struct, Enum => CommitteeFileLoader.Camel(value.ToString());

    private static async Task<Ok<List<CallSummaryDto>>> ListAsync(EsRegionsDbContext db, CancellationToken ct)
    {
        var committees = await db.Set<Committee>().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var counts = await db.Set<CallApplication>().GroupBy(a => a.CallId)
            .Select(g => new { g.Key, All = g.Count(), Pending = g.Count(a => a.Status == ApplicationStatus.Submitted) }).ToDictionaryAsync(x => x.Key, ct);
        var calls = await db.Set<MemberCall>().OrderByDescending(c => c.ApplicationDeadline).ThenBy(c => c.Title).ToListAsync(ct);
        return TypedResults.Ok(calls.Select(c => new CallSummaryDto(c.Id, c.Title, c.CommitteeId, committees[c.CommitteeId], Api(c.Status),
            c.ApplicationDeadline, c.ConfirmationBy, c.Seats.Select(Api).ToList(), counts.GetValueOrDefault(c.Id)?.All ?? 0,
            counts.GetValueOrDefault(c.Id)?.Pending ?? 0)).ToList());
    }

    private static async Task<Results<Ok<CallDto>, NotFound>> GetAsync(Guid id, EsRegionsDbContext db, MemberCalls calls, HttpRequest request,
        CancellationToken ct)
    {
        var c = await db.Set<MemberCall>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return TypedResults.NotFound();
        var committee = await db.Set<Committee>().Where(x => x.Id == c.CommitteeId).Select(x => x.Name).FirstAsync(ct);
        return TypedResults.Ok(new CallDto(c.Id, c.Title, c.Text, c.CommitteeId, committee, Api(c.Status), c.ApplicationDeadline, c.ConfirmationBy,
            c.Seats.Select(Api).ToList(), c.AcceptsApplications(calls.Today), $"{request.PathBase}/{MemberCalls.PublicPath(c.Id)}"));
    }

    private static async Task<Results<Created<Meetings.CreatedDto>, ValidationProblem>> CreateAsync(CreateCallRequest body, EsRegionsDbContext db,
        MemberCalls calls, HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.CommitteeId is not { } committeeId || !await db.Set<Committee>().AnyAsync(c => c.Id == committeeId, ct))
            errors["committeeId"] = ["An existing committee or group of this region is required."];
        if (string.IsNullOrWhiteSpace(body.Title)) errors["title"] = ["The title is required."];
        else if (body.Title.Length > 1000) errors["title"] = ["At most 1000 characters."];
        if (string.IsNullOrWhiteSpace(body.Text)) errors["text"] = ["The call text is required."];
        else if (body.Text.Length > 20000) errors["text"] = ["At most 20000 characters."];
        if (body.ApplicationDeadline is null) errors["applicationDeadline"] = ["The last day for applications (YYYY-MM-DD) is required."];
        else if (!Plausible(body.ApplicationDeadline.Value)) errors["applicationDeadline"] = ["A date from 2000 to 2100."];
        if (body.ConfirmationBy is { } cb && !Plausible(cb)) errors["confirmationBy"] = ["A date from 2000 to 2100."];
        if (body.ConfirmationBy is { } by && body.ApplicationDeadline is { } dl && by < dl)
            errors["confirmationBy"] = ["The confirmation day must not be before the application deadline."];
        var seats = new List<SeatCategory>();
        for (var i = 0; i < (body.Seats?.Count ?? 0); i++)
        {
            var seat = Enum.GetValues<SeatCategory>().Cast<SeatCategory?>().FirstOrDefault(s => Api(s!.Value) == body.Seats![i]);
            if (seat is null) errors[$"seats[{i}]"] = [$"One of {string.Join(", ", Enum.GetValues<SeatCategory>().Select(Api))}."];
            else seats.Add(seat.Value);
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var call = new MemberCall(body.CommitteeId!.Value, body.Title!, body.Text!, body.ApplicationDeadline!.Value, body.ConfirmationBy, seats);
        db.Add(call);
        if (body.Open == true) await calls.OpenAsync(call, ct);
        else await calls.ScheduleRemindersAsync(call, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{request.PathBase}/api/v1/calls/{call.Id}", new Meetings.CreatedDto(call.Id));
    }

    private static async Task<Results<NoContent, NotFound>> OpenAsync(Guid id, EsRegionsDbContext db, MemberCalls calls, CancellationToken ct)
    {
        var call = await db.Set<MemberCall>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (call is null) return TypedResults.NotFound();
        await calls.OpenAsync(call, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> CloseAsync(Guid id, EsRegionsDbContext db, MemberCalls calls, CancellationToken ct)
    {
        var call = await db.Set<MemberCall>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (call is null) return TypedResults.NotFound();
        await calls.CloseAsync(call, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<ApplicationDto>>, NotFound>> ApplicationsAsync(Guid id, EsRegionsDbContext db, CancellationToken ct)
    {
        if (!await db.Set<MemberCall>().AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        var rows = await db.Set<CallApplication>().Where(a => a.CallId == id).OrderBy(a => a.SubmittedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<ApplicationDto>, NotFound, ValidationProblem>> DecideAsync(Guid id, Guid applicationId, DecisionRequest body,
        EsRegionsDbContext db, MemberCalls calls, HttpContext http, CancellationToken ct)
    {
        var call = await db.Set<MemberCall>().FirstOrDefaultAsync(c => c.Id == id, ct);
        var application = call is null ? null : await db.Set<CallApplication>().FirstOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, ct);
        if (call is null || application is null) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (body.Decision is not ("accepted" or "rejected")) errors["decision"] = ["\"accepted\" or \"rejected\"."];
        MemberRole? role = MemberRole.Member;
        if (body.Role is not null && (role = Enum.GetValues<MemberRole>().Cast<MemberRole?>().FirstOrDefault(r => Api(r!.Value) == body.Role)) is null)
            errors["role"] = [$"One of {string.Join(", ", Enum.GetValues<MemberRole>().Select(Api))}."];
        if (body.Note?.Length > 2000) errors["note"] = ["At most 2000 characters."];
        if (body.TermFrom is { } tf && !Plausible(tf)) errors["termFrom"] = ["A date from 2000 to 2100."];
        if (body.TermTo is { } tt && !Plausible(tt)) errors["termTo"] = ["A date from 2000 to 2100."];
        else if (body.TermFrom is { } f && body.TermTo is { } t && t < f) errors["termTo"] = ["The term must not end before it starts."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (body.Decision == "accepted")
            await calls.AcceptAsync(call, application, new SeatDecision(role!.Value, body.TermFrom, body.TermTo), body.Note, http.User.Identity?.Name, ct);
        else await calls.RejectAsync(call, application, body.Note, http.User.Identity?.Name, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(application));
    }

    internal static bool Plausible(DateOnly d) => d.Year is >= 2000 and <= 2100;

    internal static ApplicationDto Dto(CallApplication a) => new(a.Id, a.FullName, a.Email, a.Institution, Api(a.Seat), a.Motivation, a.RodoConsent,
        a.SubmittedAt, Api(a.Status), a.DecisionNote, a.DecidedAt, a.DecidedBy, a.MemberId);
}
