using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

public sealed record PublishedValueDto(string Code, decimal Value, int Indicators);
public sealed record PublicationDto(Guid PlanId, int Year, DateTimeOffset PublishedAt, string PublishedBy, IReadOnlyList<PublishedValueDto> Values);

/// <summary>
/// Publishing a plan's year: the annual values of indicators mapped to catalogue codes, combined per code (sum or
/// mean as the catalogue says), replace the region's earlier publication of that plan and year in the platform table.
/// </summary>
public sealed class Publishing(EsRegionsDbContext db, TenantContext tenant, MonitoringAccess access, TimeProvider clock, ChangeFeed feed)
{
    public async Task<PublicationDto?> PublishAsync(Guid planId, int year, CancellationToken ct)
    {
        if (await MonitoredPlan.LoadAsync(db, planId, ct) is not { } plan) return null;
        if (year < plan.Plan.YearFrom || year > plan.Plan.YearTo)
            throw new PublicationException("Plan obejmuje lata {0}–{1}; nie można opublikować roku {2}.", plan.Plan.YearFrom, plan.Plan.YearTo, year);
        var catalogue = await db.Set<CatalogueIndicator>().ToDictionaryAsync(c => c.Code, ct);
        var trackIds = plan.Tracks.Values.Select(t => t.Id).ToList();
        var values = await db.Set<IndicatorValue>().Where(v => trackIds.Contains(v.TrackId) && v.Period == year.ToString() && v.Number != null)
            .ToDictionaryAsync(v => v.TrackId, ct);
        var mapped = plan.Indicators
            .Where(r => r.Indicator.CatalogueCode is { } code && catalogue.ContainsKey(code))
            .Select(r => (Code: r.Indicator.CatalogueCode!, Value: plan.TrackOf(r.Indicator.Id) is { } t && values.TryGetValue(t.Id, out var v) ? v.Number : null))
            .Where(x => x.Value is not null)
            .GroupBy(x => x.Code)
            .Select(g => new PublishedValueDto(g.Key,
                catalogue[g.Key].Aggregation == CatalogueAggregation.Sum ? g.Sum(x => x.Value!.Value) : Math.Round(g.Average(x => x.Value!.Value), 2),
                g.Count()))
            .OrderBy(x => x.Code).ToList();

        var region = tenant.Required;
        var now = clock.GetUtcNow();
        // Only this region's own rows: the region comes from the request's tenant, never from input.
        db.RemoveRange(await db.Set<PublishedIndicatorValue>().Where(p => p.RegionId == region.Id && p.PlanId == planId && p.Year == year).ToListAsync(ct));
        db.AddRange(mapped.Select(m => new PublishedIndicatorValue(region.Id, region.Slug, planId, year, m.Code, m.Value, m.Indicators, now)));
        var record = await db.Set<ReportPublication>().FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, ct);
        if (record is null) db.Add(record = new ReportPublication(planId, year));
        record.Record(now, access.Actor, mapped.Count);
        await db.SaveChangesAsync(ct);
        // Every instance hears of it from the database's trigger; this one does not wait for that to come back.
        feed.Changed(ChangeFeed.Topics.Comparison);
        return new PublicationDto(planId, year, now, record.PublishedBy, mapped);
    }
}

public sealed class PublicationException(string template, params object?[] args) : Infrastructure.Web.ConflictException(template, args);
