using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

public sealed record ReportTargetDto(string Kind, decimal? Value, string? Unit, string Text);
public sealed record ReportIndicatorDto(Guid Id, string Name, string? CatalogueCode, ReportTargetDto Target, decimal? Actual, string? ActualText,
    string Status, string? Comment, string? Assessment, string? Implementer, DateTimeOffset? EnteredAt, string? EnteredBy);
public sealed record ReportActionDto(Guid Id, string Code, string Name, IReadOnlyList<ReportIndicatorDto> Indicators);
public sealed record ReportCounts(int Indicators, int Achieved, int PartlyAchieved, int NotAchieved, int Pending)
{
    public static ReportCounts Of(RollUp r) => new(r.Indicators, r.Achieved, r.PartlyAchieved, r.NotAchieved, r.Pending);
}
public sealed record ReportNodeDto(Guid Id, string Level, string Code, string Title, string Status, ReportCounts Summary,
    IReadOnlyList<ReportNodeDto>? Children, IReadOnlyList<ReportActionDto>? Actions);
public sealed record ReportDto(Guid PlanId, string Title, int Year, string PeriodState, DateOnly? DueOn, DateTimeOffset? ApprovedAt,
    DateTimeOffset? PublishedAt, string Status, ReportCounts Summary, IReadOnlyList<string> Levels, IReadOnlyList<ReportNodeDto> Nodes);

/// <summary>The annual implementation report: target, actual, status and explanation per indicator, rolled up per level.</summary>
public sealed class AnnualReport(EsRegionsDbContext db, TenantContext tenant)
{
    /// <param name="rows">The plan's untracked rows when the caller has them already (the plan page).</param>
    public async Task<ReportDto?> BuildAsync(Guid planId, int year, CancellationToken ct, PlanRows? rows = null)
    {
        if (await MonitoredPlan.LoadAsync(db, planId, ct, readOnly: true, rows) is not { } plan) return null;
        var period = await db.Set<ReportingPeriod>().FirstOrDefaultAsync(p => p.PlanId == planId && p.Key == year.ToString(), ct);
        var publication = await db.Set<ReportPublication>().FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, ct);
        var key = year.ToString();
        var tracks = db.Set<IndicatorTrack>();
        // By plan (a join on its tracks), not by an array of 4,000 track ids.
        var values = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => v.Period == key && tracks.Any(t => t.Id == v.TrackId && t.PlanId == planId))
            .ToDictionaryAsync(v => v.TrackId, ct);
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var planRows = plan.Rows;

        ReportIndicatorDto Indicator(Indicator i)
        {
            var track = plan.TrackOf(i.Id);
            var v = track is null ? null : values.GetValueOrDefault(track.Id);
            var status = IndicatorStatus.Of(i.TargetKind, i.TargetValue, v?.Number, v?.Text, v?.Assessment);
            return new ReportIndicatorDto(i.Id, i.Name, i.CatalogueCode, new ReportTargetDto(Camel(i.TargetKind), i.TargetValue, i.TargetUnit, i.TargetText),
                v?.Number, v?.Text, IndicatorStatus.Camel(status), v?.Comment, v?.Assessment is { } a ? Camel(a) : null,
                track?.OrganisationId is { } org ? organisations.GetValueOrDefault(org) : null, v?.EnteredAt, v?.EnteredBy);
        }

        (ReportNodeDto Node, List<Status> Statuses) Node(PlanNode n)
        {
            var children = planRows.Children[n.Id].Select(Node).ToList();
            var actions = planRows.Actions[n.Id].Select(a => new ReportActionDto(a.Id, a.Code, a.Name, planRows.Indicators[a.Id].Select(Indicator).ToList())).ToList();
            var statuses = children.SelectMany(c => c.Statuses)
                .Concat(actions.SelectMany(a => a.Indicators).Select(i => Enum.Parse<Status>(i.Status, ignoreCase: true))).ToList();
            var roll = IndicatorStatus.Roll(statuses);
            return (new ReportNodeDto(n.Id, n.Level, n.Code, n.Title, IndicatorStatus.Camel(roll.Status), ReportCounts.Of(roll),
                children.Count > 0 ? children.Select(c => c.Node).ToList() : null, actions.Count > 0 ? actions : null), statuses);
        }

        var nodes = planRows.Children[null].Select(Node).ToList();
        var all = IndicatorStatus.Roll(nodes.SelectMany(n => n.Statuses));
        return new ReportDto(planId, planRows.Plan.Title, year, period is null ? "open" : Camel(period.State), period?.DueOn, period?.ApprovedAt,
            publication?.PublishedAt, IndicatorStatus.Camel(all.Status), ReportCounts.Of(all), tenant.Required.Settings.PlanLevels.Select(l => l.Label).ToList(),
            nodes.Select(n => n.Node).ToList());
    }

    internal static string Camel<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
