using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Plans.Schedules;

public enum ScheduleTaskStatus { Planned, InProgress, Done }

/// <summary>
/// A task of a schedule's phase ("Opracowanie analizy SWOT") with its quarter range, owner and status. The range is
/// unknown (null) where the source does not say; <see cref="Note"/> then says why.
/// </summary>
public sealed class ScheduleTask : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid ScheduleId { get; private set; }
    public Guid PhaseId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; } = "";
    public Quarter? From { get; private set; }
    public Quarter? To { get; private set; }
    public string? Owner { get; private set; }
    public ScheduleTaskStatus Status { get; private set; }
    public string? Note { get; private set; }

    private ScheduleTask() { }

    public ScheduleTask(Guid scheduleId, Guid phaseId, int position, string title, Quarter? from, Quarter? to, string? owner,
        ScheduleTaskStatus status, string? note)
    {
        CheckRange(from, to);
        (ScheduleId, PhaseId, Position, Title, From, To, Owner, Status, Note) = (scheduleId, phaseId, position, title, from, to, owner, status, note);
    }

    /// <summary>Staff change the task's status, range, owner or note (a range is both ends or neither), and its name when one is given.</summary>
    public void Update(ScheduleTaskStatus status, Quarter? from, Quarter? to, string? owner, string? note, string? title = null)
    {
        CheckRange(from, to);
        if (!string.IsNullOrWhiteSpace(title)) Title = title.Trim();
        Status = status;
        (From, To) = (from, to);
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>The task moves to the end of another phase of its schedule (or to <paramref name="position"/> in its own).</summary>
    public void MoveTo(Guid phaseId, int position) => (PhaseId, Position) = (phaseId, position);

    public bool Covers(Quarter q) => From is { } f && To is { } t && q >= f && q <= t;

    private static void CheckRange(Quarter? from, Quarter? to)
    {
        if (from.HasValue != to.HasValue) throw new ArgumentException("A task's range has both ends or neither.");
        if (from > to) throw new ArgumentException("A task cannot end before it starts.");
    }
}

internal sealed class ScheduleTaskConfiguration : IEntityTypeConfiguration<ScheduleTask>
{
    public void Configure(EntityTypeBuilder<ScheduleTask> b)
    {
        b.ToTable("schedule_tasks");
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Owner).HasMaxLength(300);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.From).HasConversion(PlanScheduleConfiguration.QuarterText).HasMaxLength(7);
        b.Property(x => x.To).HasConversion(PlanScheduleConfiguration.QuarterText).HasMaxLength(7);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.HasOne<PlanSchedule>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SchedulePhase>().WithMany().HasForeignKey(x => x.PhaseId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.TenantId, x.ScheduleId, x.PhaseId, x.Position });
    }
}
