using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>How published values of one region and year are combined when several plan indicators map to one code.</summary>
public enum CatalogueAggregation { Sum, Mean }

/// <summary>
/// An indicator of the shared, platform-level catalogue (tenants/indicator-catalogue.json): the common language in
/// which regions publish their values so that they can be compared. Not a region's data: no tenant_id.
/// </summary>
public sealed class CatalogueIndicator : ISharedEntity
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Definition { get; private set; } = "";
    public string Source { get; private set; } = "";
    public CatalogueAggregation Aggregation { get; private set; }
    /// <summary>Whether a value per 100 000 inhabitants means something (counts of people, entities; not shares).</summary>
    public bool Per100k { get; private set; }
    public int Position { get; private set; }

    private CatalogueIndicator() { }

    public CatalogueIndicator(string code, string name, string unit, string definition, string source, CatalogueAggregation aggregation, bool per100k, int position)
    {
        Code = code;
        Update(name, unit, definition, source, aggregation, per100k, position);
    }

    /// <summary>The file is the source of truth: a restart with an edited file updates the row.</summary>
    public void Update(string name, string unit, string definition, string source, CatalogueAggregation aggregation, bool per100k, int position) =>
        (Name, Unit, Definition, Source, Aggregation, Per100k, Position) = (name, unit, definition, source, aggregation, per100k, position);
}

/// <summary>A region's population in a year, for values per 100 000 inhabitants (from the catalogue file, with its source).</summary>
public sealed class RegionPopulation : ISharedEntity
{
    public string Region { get; private set; } = "";
    public int Year { get; private set; }
    public long Population { get; private set; }
    public string Source { get; private set; } = "";

    private RegionPopulation() { }

    public RegionPopulation(string region, int year, long population, string source) =>
        (Region, Year, Population, Source) = (region, year, population, source);

    public void Update(long population, string source) => (Population, Source) = (population, source);
}

internal sealed class CatalogueIndicatorConfiguration : IEntityTypeConfiguration<CatalogueIndicator>
{
    public void Configure(EntityTypeBuilder<CatalogueIndicator> b)
    {
        b.ToTable("indicator_catalogue");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40); // the width of indicators.catalogue_code (Plans)
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Unit).HasMaxLength(40);
        b.Property(x => x.Source).HasMaxLength(300);
        b.Property(x => x.Aggregation).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class RegionPopulationConfiguration : IEntityTypeConfiguration<RegionPopulation>
{
    public void Configure(EntityTypeBuilder<RegionPopulation> b)
    {
        b.ToTable("region_populations");
        b.HasKey(x => new { x.Region, x.Year });
        b.Property(x => x.Region).HasMaxLength(60);
        b.Property(x => x.Source).HasMaxLength(300);
    }
}
