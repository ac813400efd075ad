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
    /// <summary>The years the plan covers; null when the source does not say (e.g. Lubelskie's plan in seed 004).</summary>
    public int? YearFrom { get; private set; }
    public int? YearTo { get; private set; }
    public PlanStatus Status { get; private set; }
    public Resolution? Resolution { get; private set; }
    /// <summary>Why an adopted plan has no resolution: the source says it is in force but does not name the resolution.</summary>
    public string? ResolutionUnknown { get; private set; }
    public string? Source { get; private set; }
    public List<string> Notes { get; private set; } = [];
    /// <summary>The tenants/ file it was loaded from (so that loading is idempotent); null for plans made in the app.</summary>
    public string? SourceFile { get; private set; }
    /// <summary>The multi-year plan an annual action plan belongs to, where one exists in the system.</summary>
    public Guid? ParentPlanId { get; private set; }
    /// <summary>The version being worked on: adopting freezes it; a change after adoption opens the next one.</summary>
    public int Version { get; private set; } = 1;
    /// <summary>
    /// Moves on every change of the plan's row, nodes, actions or indicators, whoever writes them: database triggers
    /// bump it (migration PlanRevision). The plan tree API caches its answer per revision and sends it as the ETag.
    /// </summary>
    public long Revision { get; private set; }

    private Plan() { }

    public Plan(string title, PlanKind kind, int? yearFrom, int? yearTo, PlanStatus status, Resolution? resolution, string? source,
        IEnumerable<string> notes, string? sourceFile, string? resolutionUnknown = null)
    {
        ResolutionUnknown = resolution is null ? resolutionUnknown : null;
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

    /// <summary>Links an annual action plan to its multi-year plan (null: none), checked by <see cref="PlanParents"/>.</summary>
    public void BelongTo(Guid? parentPlanId)
    {
        if (parentPlanId is not null && Kind != PlanKind.Annual) throw new PlanStateException("Do planu wieloletniego należy tylko roczny plan działania.");
        if (parentPlanId == Id) throw new PlanStateException("Plan nie może należeć do samego siebie.");
        ParentPlanId = parentPlanId;
    }

    public void SubmitForConsultation()
    {
        if (Status == PlanStatus.InConsultation) throw new PlanStateException("Plan jest już w konsultacjach.");
        if (Status != PlanStatus.Draft) throw new PlanStateException("Do konsultacji można przekazać tylko projekt planu.");
        Status = PlanStatus.InConsultation;
    }

    /// <summary>Adopts the current version by resolution; the caller stores the frozen snapshot (<see cref="PlanVersion"/>).</summary>
    public void Adopt(Resolution resolution)
    {
        if (Status is not (PlanStatus.Draft or PlanStatus.InConsultation))
            throw new PlanStateException(Status == PlanStatus.Adopted
                ? "Plan jest już przyjęty. Zmiana jego treści otworzy kolejną wersję, którą można przyjąć."
                : "Przyjąć uchwałą można tylko projekt planu albo plan w konsultacjach.");
        Resolution = resolution;
        ResolutionUnknown = null;
        Status = PlanStatus.Adopted;
    }

    public void Archive()
    {
        if (Status != PlanStatus.Adopted) throw new PlanStateException("Do archiwum można przenieść tylko przyjęty plan.");
        Status = PlanStatus.Archived;
    }

    /// <summary>Content changes: an adopted plan opens its next version as a draft (the adopted one stays frozen).</summary>
    public void Revise(string title, PlanKind kind, int? yearFrom, int? yearTo, string? source, IEnumerable<string> notes)
    {
        if (Status == PlanStatus.Archived) throw new PlanStateException("Plan archiwalny nie może się zmieniać.");
        if (Status == PlanStatus.Adopted)
        {
            Version++;
            Status = PlanStatus.Draft;
            Resolution = null;
            ResolutionUnknown = null;
        }
        (Title, Kind, YearFrom, YearTo, Source, Notes) = (title, kind, yearFrom, yearTo, source, notes.ToList());
    }
}

/// <summary>A change of state the plan's lifecycle does not allow (answered with 409; the message is a key of the interface's texts).</summary>
public sealed class PlanStateException(string template, params object?[] args) : Infrastructure.Web.ConflictException(template, args);

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
        b.Property(x => x.ResolutionUnknown).HasMaxLength(500);
        b.Property(x => x.SourceFile).HasMaxLength(200);
        b.OwnsOne(x => x.Resolution, r => r.ToJson());
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.ParentPlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TenantId, x.SourceFile }).IsUnique();
        // Written only by the database's triggers; EF reads it back after its own inserts and updates.
        b.Property(x => x.Revision).HasDefaultValue(0L).ValueGeneratedOnAddOrUpdate();
    }
}
