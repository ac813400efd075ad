using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Monitoring;

public enum PeriodState { Open, Approved }

/// <summary>
/// A reporting period of a plan (a year, optionally its quarters) with its due date. Staff approve it, which locks
/// its values; reopening needs a reason.
/// </summary>
public sealed class ReportingPeriod : ITenantOwned
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public string Key { get; private set; } = "";
    public int Year { get; private set; }
    public int? Quarter { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public PeriodState State { get; private set; } = PeriodState.Open;
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ReopenReason { get; private set; }
    public string? ReopenedBy { get; private set; }
    public DateTimeOffset? ReopenedAt { get; private set; }

    private ReportingPeriod() { }

    /// <summary>Erasure (RODO): the approval and reopening stay, the names of who did them go where they are <paramref name="names"/>.</summary>
    internal int EraseActor(IReadOnlySet<string> names, string label)
    {
        var changed = 0;
        if (ApprovedBy is not null && names.Contains(ApprovedBy)) { ApprovedBy = label; changed = 1; }
        if (ReopenedBy is not null && names.Contains(ReopenedBy)) { ReopenedBy = label; changed = 1; }
        return changed;
    }

    public ReportingPeriod(Guid planId, ReportingPeriodKey key, DateOnly? dueOn)
    {
        Id = Guid.CreateVersion7(); // here, not in an initialiser that would run for every period EF reads
        PlanId = planId;
        Key = key.ToString();
        Year = key.Year;
        Quarter = key.Quarter;
        DueOn = dueOn;
    }

    public ReportingPeriodKey PeriodKey => new(Year, Quarter);

    public bool IsLocked => State == PeriodState.Approved;

    public void SetDueDate(DateOnly? dueOn) => DueOn = dueOn;

    public void EnsureOpen()
    {
        if (IsLocked) throw new PeriodLockedException("Okres {0} został zatwierdzony i jest zablokowany; aby zmienić wartości, otwórz go ponownie, podając powód.", PeriodKey.Label);
    }

    public void Approve(string by, DateTimeOffset at)
    {
        if (IsLocked) throw new PeriodLockedException("Okres {0} jest już zatwierdzony.", PeriodKey.Label);
        (State, ApprovedBy, ApprovedAt) = (PeriodState.Approved, by, at);
    }

    public void Reopen(string reason, string by, DateTimeOffset at)
    {
        if (!IsLocked) throw new PeriodLockedException("Okres {0} nie jest zatwierdzony, więc nie trzeba go otwierać.", PeriodKey.Label);
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A reason is required.", nameof(reason));
        (State, ReopenReason, ReopenedBy, ReopenedAt, ApprovedBy, ApprovedAt) = (PeriodState.Open, reason.Trim(), by, at, null, null);
    }
}

/// <summary>A change the period's lock does not allow (answered with 409).</summary>
public sealed class PeriodLockedException(string template, params object?[] args) : Infrastructure.Web.ConflictException(template, args);

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> b)
    {
        b.ToTable("monitoring_reporting_periods");
        b.Property(x => x.Key).HasMaxLength(10);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ApprovedBy).HasMaxLength(300);
        b.Property(x => x.ReopenedBy).HasMaxLength(300);
        b.Property(x => x.ReopenReason).HasMaxLength(2000);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.PlanId, x.Key }).IsUnique();
    }
}
