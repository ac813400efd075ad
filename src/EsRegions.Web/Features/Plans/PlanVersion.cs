using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Plans;

/// <summary>An adopted version of a plan, frozen: its content (in the plan file format) and the adopting resolution.</summary>
public sealed class PlanVersion : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public string ResolutionText { get; private set; } = "";
    public DateTimeOffset FrozenAt { get; private set; }
    /// <summary>The plan as it was adopted, in the format of tenants/PLAN-FORMAT.md.</summary>
    public string Snapshot { get; private set; } = "";

    private PlanVersion() { }

    public PlanVersion(Guid planId, int number, string resolutionText, DateTimeOffset frozenAt, string snapshot)
    {
        PlanId = planId;
        Number = number;
        ResolutionText = resolutionText;
        FrozenAt = frozenAt;
        Snapshot = snapshot;
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.ToTable("plan_versions");
        b.Property(x => x.Snapshot).HasColumnType("jsonb");
        b.Property(x => x.ResolutionText).HasMaxLength(500);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.PlanId, x.Number }).IsUnique();
    }
}
