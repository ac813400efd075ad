using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>The schedule of drafting a plan (harmonogram opracowania Planu): phases and their tasks, by quarter.</summary>
public sealed class PlanSchedule : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    /// <summary>The plan being drafted, when it is in the system.</summary>
    public Guid? PlanId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The table's heading as written (e.g. the drafting team's name).</summary>
    public string? Heading { get; private set; }
    public Quarter From { get; private set; }
    public Quarter To { get; private set; }
    public string? Source { get; private set; }
    public List<string> Notes { get; private set; } = [];
    /// <summary>The tenants/ file it was loaded from (loading is idempotent); null for schedules made in the app.</summary>
    public string? SourceFile { get; private set; }

    private PlanSchedule() { }

    public PlanSchedule(Guid? planId, string title, string? heading, Quarter from, Quarter to, string? source, IEnumerable<string> notes, string? sourceFile)
    {
        if (to < from) throw new ArgumentException("A schedule cannot end before it starts.", nameof(to));
        (PlanId, Title, Heading, From, To, Source, Notes, SourceFile) = (planId, title, heading, from, to, source, notes.ToList(), sourceFile);
    }

    /// <summary>Staff correct the schedule's title, plan, heading or quarters (the caller checks that no task falls outside them).</summary>
    public void Change(Guid? planId, string title, string? heading, Quarter from, Quarter to)
    {
        if (to < from) throw new ArgumentException("A schedule cannot end before it starts.", nameof(to));
        (PlanId, Title, Heading, From, To) = (planId, title, heading, from, to);
    }

    public IEnumerable<Quarter> Quarters => Quarter.Range(From, To);

    public bool Covers(Quarter q) => q >= From && q <= To;
}

/// <summary>A phase of the schedule ("I METODA I PROCES") with the document's explanation of it ("Ad. I").</summary>
public sealed class SchedulePhase : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid ScheduleId { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public List<string> Details { get; private set; } = [];
    public int Position { get; private set; }

    private SchedulePhase() { }

    public SchedulePhase(Guid scheduleId, int position, string code, string title, IEnumerable<string> details) =>
        (ScheduleId, Position, Code, Title, Details) = (scheduleId, position, code, title, details.ToList());

    public void Rename(string code, string title) => (Code, Title) = (code, title);

    public void MoveTo(int position) => Position = position;
}

internal sealed class PlanScheduleConfiguration : IEntityTypeConfiguration<PlanSchedule>
{
    public static readonly ValueConverter<Quarter, string> QuarterText = new(q => q.ToString(), s => Quarter.Parse(s));

    public void Configure(EntityTypeBuilder<PlanSchedule> b)
    {
        b.ToTable("plan_schedules");
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Heading).HasMaxLength(500);
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.SourceFile).HasMaxLength(200);
        b.Property(x => x.From).HasConversion(QuarterText).HasMaxLength(7);
        b.Property(x => x.To).HasConversion(QuarterText).HasMaxLength(7);
        b.Ignore(x => x.Quarters);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TenantId, x.SourceFile }).IsUnique();
    }
}

internal sealed class SchedulePhaseConfiguration : IEntityTypeConfiguration<SchedulePhase>
{
    public void Configure(EntityTypeBuilder<SchedulePhase> b)
    {
        b.ToTable("schedule_phases");
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasOne<PlanSchedule>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.ScheduleId, x.Position });
    }
}
