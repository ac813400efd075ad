using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

public sealed record PeriodDto(string Period, DateOnly? DueOn, string State, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ReopenReason);
public sealed record PeriodRequest(DateOnly? DueOn);
public sealed record ReopenRequest(string? Reason);

/// <summary>API.md "Monitoring": reporting periods (Staff), the annual report, publishing a year for Comparison.</summary>
internal static class ReportApi
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans/{id:guid}").WithTags("Monitoring");
        plans.MapGet("/report", ReportAsync).WithName("PlanReport")
            .WithSummary("The annual implementation report: target vs actual with status per indicator, rolled up per node (format=json|xlsx)");
        plans.MapPost("/report/{year:int}/publish", PublishAsync).WithName("PublishReport").RequireAuthorization(Policies.TenantStaff)
            .WithSummary("Makes the year's values of catalogue-mapped indicators visible to Comparison (idempotent; a later publish replaces the earlier one)");
        plans.MapGet("/periods", PeriodsAsync).WithName("ReportingPeriods").WithSummary("The plan's reporting periods with due dates and states");
        var staff = plans.MapGroup("/periods/{period}").RequireAuthorization(Policies.TenantStaff);
        staff.MapPut("/", ScheduleAsync).WithName("ScheduleReportingPeriod").WithSummary("Adds a reporting period (2024, 2024-Q2) or changes its due date; schedules reminders");
        staff.MapPost("/approve", ApproveAsync).WithName("ApproveReportingPeriod").WithSummary("Approves the period: its values are locked");
        staff.MapPost("/reopen", ReopenAsync).WithName("ReopenReportingPeriod").WithSummary("Reopens an approved period; a reason is required");
        return api;
    }

    private static async Task<Results<Ok<ReportDto>, FileContentHttpResult, NotFound, ProblemHttpResult>> ReportAsync(
        Guid id, int? year, string? format, AnnualReport reports, EsRegionsDbContext db, CancellationToken ct)
    {
        if (format is not (null or "json" or "xlsx"))
            return TypedResults.Problem(statusCode: 400, title: "Unsupported format", detail: "format must be json or xlsx.");
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return TypedResults.NotFound();
        // A plan whose years are unknown (e.g. Lubelskie's, seed 004) has no default year: the caller names it.
        if ((year ?? plan.YearFrom) is not { } reportYear)
            return TypedResults.Problem(statusCode: 400, title: "Year required", detail: "year is required: the plan names no years.");
        var report = await reports.BuildAsync(id, reportYear, ct);
        if (report is null) return TypedResults.NotFound();
        return format == "xlsx"
            ? TypedResults.File(ReportSpreadsheet.Write(report), ReportSpreadsheet.ContentType, $"raport-{report.Year}-{id.ToString()[..8]}.xlsx")
            : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<PublicationDto>, NotFound>> PublishAsync(Guid id, int year, Publishing publishing, CancellationToken ct) =>
        await publishing.PublishAsync(id, year, ct) is { } publication ? TypedResults.Ok(publication) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<PeriodDto>>, NotFound>> PeriodsAsync(Guid id, EsRegionsDbContext db, ReportingSchedule schedule, CancellationToken ct)
    {
        if (!await db.Set<Plan>().AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok((await schedule.ListAsync(id, ct)).Select(Dto).ToList());
    }

    private static async Task<Results<Ok<PeriodDto>, NotFound, ValidationProblem>> ScheduleAsync(
        Guid id, string period, PeriodRequest body, EsRegionsDbContext db, ReportingSchedule schedule, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return TypedResults.NotFound();
        if (!ReportingPeriodKey.TryParse(period, out var key) || key.Value.Year < plan.YearFrom || key.Value.Year > plan.YearTo)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [$"Podaj rok lub kwartał z lat planu ({plan.YearFrom}–{plan.YearTo}), np. {plan.YearFrom} albo {plan.YearFrom}-Q2."] });
        var row = await schedule.ScheduleAsync(plan, key.Value, body.DueOn, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(row));
    }

    private static async Task<Results<Ok<PeriodDto>, NotFound>> ApproveAsync(Guid id, string period, EsRegionsDbContext db, ReportingSchedule schedule, CancellationToken ct)
    {
        if (await LoadAsync(id, period, db, schedule, ct) is not var (plan, row)) return TypedResults.NotFound();
        await schedule.ApproveAsync(plan, row, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(row));
    }

    private static async Task<Results<Ok<PeriodDto>, NotFound, ValidationProblem>> ReopenAsync(
        Guid id, string period, ReopenRequest body, EsRegionsDbContext db, ReportingSchedule schedule, CancellationToken ct)
    {
        if (await LoadAsync(id, period, db, schedule, ct) is not var (plan, row)) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(body.Reason))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Podaj powód ponownego otwarcia okresu."] });
        await schedule.ReopenAsync(plan, row, body.Reason, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(row));
    }

    private static async Task<(Plan, ReportingPeriod)?> LoadAsync(Guid id, string period, EsRegionsDbContext db, ReportingSchedule schedule, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || !ReportingPeriodKey.TryParse(period, out var key)) return null;
        return await schedule.FindAsync(id, key.Value, ct) is { } row ? (plan, row) : null;
    }

    internal static PeriodDto Dto(ReportingPeriod p) =>
        new(p.Key, p.DueOn, AnnualReport.Camel(p.State), p.ApprovedBy, p.ApprovedAt, p.ReopenReason);
}
