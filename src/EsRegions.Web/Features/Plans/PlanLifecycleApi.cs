using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>The resolution adopting a plan: number, who passed it (as in its title) and date; text is its full wording, composed when omitted.</summary>
public sealed record AdoptionRequest(string? Text, string? Number, string? Body, DateOnly? Date);
public sealed record PlanVersionDto(int Number, string Resolution, DateTimeOffset FrozenAt);

/// <summary>Changing a plan's content and state: whole-document update, consultation, adoption, archive, versions, diff.</summary>
internal static class PlanLifecycleApi
{
    public static RouteGroupBuilder MapPlanLifecycleApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans/{id:guid}").WithTags("Plans");
        var staff = plans.MapGroup("").RequireAuthorization(Policies.TenantStaff);
        staff.MapPut("", UpdateAsync).WithSummary("Replaces the plan's content (import format); an adopted plan opens its next version as a draft");
        staff.MapPost("/consultation", (Guid id, PlanLifecycle lifecycle, CancellationToken ct) => ChangeAsync(id, lifecycle, p => p.SubmitForConsultation(), ct))
            .WithSummary("Sends a draft to consultation");
        staff.MapPost("/adoption", AdoptAsync)
            .WithSummary("Adopts the plan by resolution and freezes this version; 400 names a missing number, body or date (not later than today)");
        staff.MapPost("/archive", (Guid id, PlanLifecycle lifecycle, CancellationToken ct) => ChangeAsync(id, lifecycle, p => p.Archive(), ct))
            .WithSummary("Archives an adopted plan");
        plans.MapGet("/versions", VersionsAsync).WithSummary("The adopted (frozen) versions of the plan");
        plans.MapGet("/diff", DiffAsync).WithSummary("Differences between an adopted version (from) and another version or the current content (to)");
        return api;
    }

    private static async Task<Results<Ok<PlanSummaryDto>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, HttpRequest request, EsRegionsDbContext db, PlanWriter writer, PlanParents parents, TenantContext tenant, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return TypedResults.NotFound();
        var (document, check) = await PlanDocumentReader.ReadAsync(request.Body, "body", tenant.Required.Settings.PlanLevels, ct);
        var parentId = document is null ? null : await parents.ResolveAsync(document, check, ct, self: plan.Id);
        if (document is null || check.HasErrors)
            return TypedResults.ValidationProblem(check.ErrorsByPath, title: "The plan document is invalid; nothing was changed.");
        await writer.ReplaceAsync(plan, document, ct, parentId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PlanQueries.Summary(plan));
    }

    private static async Task<Results<Ok<PlanSummaryDto>, NotFound>> ChangeAsync(Guid id, PlanLifecycle lifecycle, Action<Plan> change, CancellationToken ct) =>
        await lifecycle.ChangeAsync(id, change, ct) is { } plan
            ? TypedResults.Ok(PlanQueries.Summary(plan)) : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanSummaryDto>, NotFound, ValidationProblem>> AdoptAsync(
        Guid id, AdoptionRequest resolution, PlanLifecycle lifecycle, TimeProvider clock, CancellationToken ct)
    {
        var errors = PlanAdoption.Check(resolution.Number, resolution.Body, resolution.Date, resolution.Text, Notifications.PolishCalendar.WarsawDate(clock.GetUtcNow()));
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The resolution is incomplete; the plan was not adopted.");
        var adopted = PlanAdoption.Resolution(resolution.Number!, resolution.Body!, resolution.Date!.Value, resolution.Text);
        return await lifecycle.ChangeAsync(id, p => lifecycle.AdoptAsync(p, adopted, ct), ct) is { } plan
            ? TypedResults.Ok(PlanQueries.Summary(plan)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<PlanVersionDto>>, NotFound>> VersionsAsync(Guid id, EsRegionsDbContext db, CancellationToken ct)
    {
        // An unknown plan (or another region's) is 404, not an empty list.
        if (!await db.Set<Plan>().AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await db.Set<PlanVersion>().Where(v => v.PlanId == id).OrderBy(v => v.Number)
            .Select(v => new PlanVersionDto(v.Number, v.ResolutionText, v.FrozenAt)).ToListAsync(ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanChange>>, NotFound>> DiffAsync(
        Guid id, int from, int? to, PlanLifecycle lifecycle, PlanExport export, CancellationToken ct)
    {
        var older = await lifecycle.VersionAsync(id, from, ct);
        var newer = to is null ? await export.LoadAsync(id, ct) : await lifecycle.VersionAsync(id, to.Value, ct);
        return older is null || newer is null ? TypedResults.NotFound() : TypedResults.Ok(PlanDiff.Compare(older, newer));
    }
}
