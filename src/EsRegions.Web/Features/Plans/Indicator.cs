using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Plans;

public enum TargetKind { Count, Minimum, Share, Text }

/// <summary>A product indicator of an action, with its target as the document writes it and as a value where it has one.</summary>
public sealed class Indicator : ITenantOwned
{
    /// <summary>Set by the public constructor; EF sets it when it reads a row (no new id drawn per row read).</summary>
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ActionId { get; private set; }
    public string Name { get; private set; } = "";
    public TargetKind TargetKind { get; private set; }
    public decimal? TargetValue { get; private set; }
    public string? TargetUnit { get; private set; }
    public string TargetText { get; private set; } = "";
    public string? Baseline { get; private set; }
    public string? CatalogueCode { get; private set; }
    public int Position { get; private set; }

    private Indicator() { }

    public Indicator(Guid actionId, int position, string name, TargetKind kind, decimal? value, string? unit, string text, string? baseline, string? catalogueCode)
    {
        Id = Guid.CreateVersion7();
        ActionId = actionId;
        Position = position;
        Name = name;
        TargetKind = kind;
        TargetValue = value;
        TargetUnit = unit;
        TargetText = text;
        Baseline = baseline;
        CatalogueCode = catalogueCode;
    }

    /// <summary>Staff map the indicator to a code of the shared indicator catalogue (Monitoring checks the code exists).</summary>
    public void MapToCatalogue(string? code) => CatalogueCode = code;

    /// <summary>Staff edit the indicator in place (its id stays: values reported against it keep pointing at it).</summary>
    public void Change(int position, string name, TargetKind kind, decimal? value, string? unit, string text, string? baseline, string? catalogueCode)
    {
        Position = position;
        Name = name;
        TargetKind = kind;
        TargetValue = value;
        TargetUnit = unit;
        TargetText = text;
        Baseline = baseline;
        CatalogueCode = catalogueCode;
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.Property(x => x.TargetKind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.TargetValue).HasPrecision(18, 2);
        b.Property(x => x.TargetUnit).HasMaxLength(20);
        b.Property(x => x.CatalogueCode).HasMaxLength(40);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.ActionId, x.Position });
    }
}
