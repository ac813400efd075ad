using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Plans;

public enum PlanKind { MultiYear, Annual }

public enum PlanStatus { Draft, InConsultation, Adopted, Archived }

/// <summary>A multi-year plan or an annual action plan of the region, with its hierarchy of nodes and actions.</summary>
public sealed class Plan : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public string Title { get; private set; } = "";
    public PlanKind Kind { get; private set; }
    public int YearFrom { get; private set; }
    public int YearTo { get; private set; }
    public PlanStatus Status { get; private set; }
    public Resolution? Resolution { get; private set; }
    public string? Source { get; private set; }
    public List<string> Notes { get; private set; } = [];
    /// <summary>The tenants/ file it was loaded from (so that loading is idempotent); null for plans made in the app.</summary>
    public string? SourceFile { get; private set; }

    private Plan() { }

    public Plan(string title, PlanKind kind, int yearFrom, int yearTo, PlanStatus status, Resolution? resolution, string? source,
        IEnumerable<string> notes, string? sourceFile)
    {
        Title = title;
        Kind = kind;
        YearFrom = yearFrom;
        YearTo = yearTo;
        Status = status;
        Resolution = resolution;
        Source = source;
        Notes = notes.ToList();
        SourceFile = sourceFile;
    }
}

/// <summary>The resolution adopting a plan, e.g. "uchwała 4/2024 MKRES z dnia 7 marca 2024 r.".</summary>
public sealed record Resolution(string Text, string Number, string Body, DateOnly Date);

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.SourceFile).HasMaxLength(200);
        b.OwnsOne(x => x.Resolution, r => r.ToJson());
        b.HasIndex(x => new { x.TenantId, x.SourceFile }).IsUnique();
    }
}
