using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>The region's record that it published a plan's year (who, when, how many values): the tenant side of publishing.</summary>
public sealed class ReportPublication : ITenantOwned
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public int Year { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public int Values { get; private set; }

    private ReportPublication() { }

    public ReportPublication(Guid planId, int year) => (Id, PlanId, Year) = (Guid.CreateVersion7(), planId, year);

    public void Record(DateTimeOffset at, string by, int values) => (PublishedAt, PublishedBy, Values) = (at, by, values);

    /// <summary>Erasure (RODO): the publication stays, the name of who published goes.</summary>
    internal void ErasePublisher(string label) => PublishedBy = label;
}

/// <summary>
/// A value a region chose to publish, copied at publish time into this platform table (no tenant_id, no row-level
/// security) — the one deliberate cross-region read path. Comparison reads only this table, so it never needs to read
/// the regions' own monitoring tables, never bypasses their query filter or RLS, and can never see an unpublished
/// value. A region's publish replaces its earlier rows for the same plan and year (and only its own: the region is
/// the request's, never taken from input).
/// </summary>
public sealed class PublishedIndicatorValue : ISharedEntity
{
    public Guid Id { get; private set; }
    public Guid RegionId { get; private set; }
    public string RegionSlug { get; private set; } = "";
    public Guid PlanId { get; private set; }
    public int Year { get; private set; }
    public string CatalogueCode { get; private set; } = "";
    public decimal Value { get; private set; }
    public int Indicators { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    // Ids are drawn in the public constructors, not in initialisers that EF's constructor would run for every row the
    // comparison reads (docs/performance.md).
    private PublishedIndicatorValue() { }

    public PublishedIndicatorValue(Guid regionId, string regionSlug, Guid planId, int year, string code, decimal value, int indicators, DateTimeOffset at) =>
        (Id, RegionId, RegionSlug, PlanId, Year, CatalogueCode, Value, Indicators, PublishedAt) =
        (Guid.CreateVersion7(), regionId, regionSlug, planId, year, code, value, indicators, at);
}

internal sealed class ReportPublicationConfiguration : IEntityTypeConfiguration<ReportPublication>
{
    public void Configure(EntityTypeBuilder<ReportPublication> b)
    {
        b.ToTable("monitoring_report_publications");
        b.Property(x => x.PublishedBy).HasMaxLength(300);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.PlanId, x.Year }).IsUnique();
    }
}

internal sealed class PublishedIndicatorValueConfiguration : IEntityTypeConfiguration<PublishedIndicatorValue>
{
    public void Configure(EntityTypeBuilder<PublishedIndicatorValue> b)
    {
        b.ToTable("published_indicator_values");
        b.Property(x => x.RegionSlug).HasMaxLength(60);
        b.Property(x => x.CatalogueCode).HasMaxLength(40);
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.HasOne<CatalogueIndicator>().WithMany().HasForeignKey(x => x.CatalogueCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RegionId, x.PlanId, x.Year, x.CatalogueCode }).IsUnique();
        b.HasIndex(x => new { x.CatalogueCode, x.Year });
    }
}
