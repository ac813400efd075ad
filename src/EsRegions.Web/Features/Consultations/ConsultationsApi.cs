using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

public sealed record CreateConsultationRequest(string? Title, Guid? PlanId, DateOnly? OpensOn, DateOnly? ClosesOn, bool? Programme = null,
    bool? PublicLink = null, IReadOnlyList<MaterialSectionRequest>? Sections = null);

public sealed record MaterialSectionRequest(string? Title, string? Text);

/// <summary>API.md's participants list, or (our addition) the id of a committee / working group whose sitting members take part.</summary>
public sealed record AddParticipantsRequest(IReadOnlyList<ParticipantRequest>? Participants, Guid? CommitteeId = null);

public sealed record ParticipantRequest(string? Name, string? Email, string? Organisation);

/// <summary>Skipped: people the source left out (a committee member without an e-mail address, a repeated address).</summary>
public sealed record ParticipantsAddedDto(int Added, int AlreadyThere, int Invited, IReadOnlyList<string> Skipped);

public sealed record OpenedDto(Guid Id, string Phase, int Queued);

public sealed record RespondRequest(string? Decision, string? Justification);

/// <summary>API.md "Consultations": create, participants, open, comments, report. Staff only: comments are personal data.</summary>
internal static class ConsultationsApi
{
    public static RouteGroupBuilder MapConsultationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/consultations").WithTags("Consultations").RequireAuthorization(Policies.TenantStaff);
        g.MapGet("/", (ConsultationQueries q, CancellationToken ct) => q.ListAsync(ct)).WithName("ListConsultations");
        g.MapPost("/", CreateAsync).WithName("CreateConsultation")
            .WithSummary("A consultation of a plan (planId: its current version) or of material (sections); 201 with warnings such as a programme consultation shorter than 35 days");
        g.MapGet("/{id:guid}", GetAsync).WithName("GetConsultation");
        g.MapGet("/{id:guid}/participants", async (Guid id, ConsultationQueries q, EsRegionsDbContext db, CancellationToken ct) =>
            await Find(db, id, ct) is null ? Results.NotFound() : Results.Ok(await q.ParticipantsAsync(id, ct))).WithName("ListConsultationParticipants");
        g.MapPost("/{id:guid}/participants", AddParticipantsAsync).WithName("AddConsultationParticipants")
            .Accepts<AddParticipantsRequest>("application/json", "text/csv")
            .WithSummary("Adds participants: { participants: [{ name, email, organisation? }] }, or { committeeId } for the sitting members of one of "
                + "the region's committees / working groups (members without an e-mail and repeated addresses are skipped and listed in "
                + "'skipped'), or a text/csv body (name, e-mail, organisation); while open, each new one is invited at once. 202");
        g.MapDelete("/{id:guid}/participants/{participantId:guid}", RemoveParticipantAsync).WithName("RemoveConsultationParticipant")
            .WithSummary("Removes a participant and revokes their personal link; their comments stay in the record");
        g.MapPost("/{id:guid}/open", OpenAsync).WithName("OpenConsultation")
            .WithSummary("Opens the consultation: one invitation with a personal reply link per participant is queued (202)");
        g.MapGet("/{id:guid}/invitations", InvitationsAsync).WithName("ConsultationInvitationProgress")
            .WithSummary("How far the invitations have gone out: { queued, pending, sent, failed } counted from the outbox");
        g.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseConsultation")
            .WithSummary("Closes the consultation now: links expire, participants' reminders are cancelled, staff are told at once");
        g.MapGet("/{id:guid}/comments", CommentsAsync).WithName("ListConsultationComments");
        g.MapPut("/{id:guid}/comments/{commentId:guid}/response", RespondAsync).WithName("RespondToConsultationComment")
            .WithSummary("The operator's position on a comment: decision accepted|partlyAccepted|rejected with a justification");
        g.MapGet("/{id:guid}/report", ReportAsync).WithName("ConsultationReport").WithSummary("format=json (default) or xlsx");
        g.MapPost("/{id:guid}/report/publish", PublishAsync).WithName("PublishConsultationReport")
            .WithSummary("Publishes the report (every comment needs a response): a public page, and an e-mail to every participant");
        return api;
    }

    private static Task<Consultation?> Find(EsRegionsDbContext db, Guid id, CancellationToken ct) =>
        db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == id, ct);

    private static async Task<Results<Created<ConsultationCreatedDto>, ValidationProblem>> CreateAsync(CreateConsultationRequest body,
        ConsultationDrafts drafts, ConsultationPublicLink publicLink, EsRegionsDbContext db, HttpRequest request, CancellationToken ct)
    {
        var errors = ConsultationValidation.Create(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var sections = (body.Sections ?? []).Select(s => new MaterialSection(s.Title!, s.Text ?? "")).ToList();
        var consultation = body.PlanId is { } planId
            ? await drafts.CreateForPlanAsync(body.Title!, planId, body.OpensOn!.Value, body.ClosesOn!.Value, body.Programme, ct)
            : drafts.CreateForMaterial(body.Title!, sections, body.OpensOn!.Value, body.ClosesOn!.Value, body.Programme ?? false);
        if (consultation is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["planId"] = ["Nie ma takiego planu."] });
        if (body.PublicLink == true) publicLink.Enable(consultation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{request.PathBase}/api/v1/consultations/{consultation.Id}", Created(consultation));
    }

    internal static ConsultationCreatedDto Created(Consultation c) => new(c.Id, c.Title, ConsultationText.PhaseKey(c.Phase), c.Schedule.OpensOn,
        c.Schedule.ClosesOn, c.Schedule.EffectiveClosesOn, c.Schedule.Days, c.Schedule.Warnings(c.Programme));

    private static async Task<Results<Ok<ConsultationSummaryDto>, NotFound>> GetAsync(Guid id, EsRegionsDbContext db, ConsultationQueries q, CancellationToken ct) =>
        await Find(db, id, ct) is { } c ? TypedResults.Ok(q.Summary(c)) : TypedResults.NotFound();

    private static async Task<Results<Accepted<ParticipantsAddedDto>, NotFound, ValidationProblem>> AddParticipantsAsync(Guid id, HttpRequest request,
        EsRegionsDbContext db, ConsultationParticipants participants, CancellationToken ct)
    {
        var consultation = await Find(db, id, ct);
        if (consultation is null) return TypedResults.NotFound();
        var (read, source, errors) = await ConsultationValidation.ParticipantsAsync(request, participants, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Lista uczestników zawiera błędy; nikogo nie dodano.");
        var result = await participants.AddAsync(consultation, read.Candidates, source, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"{request.PathBase}/api/v1/consultations/{id}/participants",
            new ParticipantsAddedDto(result.Added, result.AlreadyThere, result.Invited, read.SkippedLines()));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveParticipantAsync(Guid id, Guid participantId, EsRegionsDbContext db,
        ConsultationParticipants participants, CancellationToken ct)
    {
        if (await Find(db, id, ct) is not { } c || await participants.RemoveAsync(c, participantId, ct) is null) return TypedResults.NotFound();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted<OpenedDto>, NotFound>> OpenAsync(Guid id, EsRegionsDbContext db, ConsultationOpening opening,
        HttpRequest request, CancellationToken ct)
    {
        if (await Find(db, id, ct) is not { } c) return TypedResults.NotFound();
        var queued = await opening.OpenAsync(c, ct);
        return TypedResults.Accepted($"{request.PathBase}/api/v1/consultations/{id}", new OpenedDto(c.Id, ConsultationText.PhaseKey(c.Phase), queued));
    }

    private static async Task<Results<Ok<OutboxCounts>, NotFound>> InvitationsAsync(Guid id, EsRegionsDbContext db, CancellationToken ct) =>
        await Find(db, id, ct) is null ? TypedResults.NotFound()
            : TypedResults.Ok(await OutboxProgress.CountAsync(db, ConsultationInvitations.KeyPrefix(id), ct));

    private static async Task<Results<Ok<ConsultationSummaryDto>, NotFound>> CloseAsync(Guid id, EsRegionsDbContext db, ConsultationOpening opening,
        ConsultationQueries q, CancellationToken ct)
    {
        if (await Find(db, id, ct) is not { } c) return TypedResults.NotFound();
        await opening.CloseAsync(c, ct);
        return TypedResults.Ok(q.Summary(c));
    }

    private static async Task<Results<Ok<List<CommentDto>>, NotFound>> CommentsAsync(Guid id, EsRegionsDbContext db, ConsultationQueries q, CancellationToken ct) =>
        await Find(db, id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await q.CommentsAsync(id, ct));

    private static async Task<Results<Ok<ResponseDto>, NotFound, ValidationProblem>> RespondAsync(Guid id, Guid commentId, RespondRequest body,
        EsRegionsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var comment = await db.Set<ConsultationComment>().FirstOrDefaultAsync(x => x.Id == commentId && x.ConsultationId == id, ct);
        if (comment is null) return TypedResults.NotFound();
        var errors = ConsultationValidation.Response(body.Decision, body.Justification);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var consultation = (await Find(db, id, ct))!;
        if (consultation.Phase == ConsultationPhase.ReportPublished)
            throw new ConsultationStateException("Raport został opublikowany: stanowisk nie można już zmienić.");
        comment.Respond(ConsultationText.ParseDecision(body.Decision)!.Value, body.Justification!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ResponseDto(body.Decision!, comment.ResponseJustification!));
    }

    private static async Task<Results<Ok<ReportDto>, FileContentHttpResult, NotFound, ProblemHttpResult>> ReportAsync(Guid id, string? format,
        ConsultationReport reports, CancellationToken ct)
    {
        if (format is not (null or "json" or "xlsx"))
            return TypedResults.Problem(statusCode: 400, title: "Unsupported format", detail: "format must be json or xlsx.");
        if (await reports.BuildAsync(id, ct) is not { } report) return TypedResults.NotFound();
        return format == "xlsx"
            ? TypedResults.File(ConsultationSpreadsheet.Write(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"raport-z-konsultacji-{id.ToString()[..8]}.xlsx")
            : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<ConsultationSummaryDto>, NotFound>> PublishAsync(Guid id, EsRegionsDbContext db, ConsultationReportPublishing publishing,
        ConsultationQueries q, CancellationToken ct)
    {
        if (await Find(db, id, ct) is not { } c) return TypedResults.NotFound();
        await publishing.PublishAsync(c, ct);
        return TypedResults.Ok(q.Summary(c));
    }
}
