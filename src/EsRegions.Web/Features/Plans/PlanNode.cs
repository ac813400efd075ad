using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Plans;

/// <summary>An element of the plan's hierarchy at one of the tenant's levels (cel szczegółowy, priorytet, kierunek interwencji…).</summary>
public sealed class PlanNode : ITenantOwned
{
    /// <summary>Set by the public constructor; EF sets it when it reads a row (no new id drawn per row read).</summary>
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Level { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int Position { get; private set; }

    private PlanNode() { }

    public PlanNode(Guid planId, Guid? parentId, string level, string code, string title, int position)
    {
        Id = Guid.CreateVersion7();
        PlanId = planId;
        ParentId = parentId;
        Level = level;
        Code = code;
        Title = title;
        Position = position;
    }
}

internal sealed class PlanNodeConfiguration : IEntityTypeConfiguration<PlanNode>
{
    public void Configure(EntityTypeBuilder<PlanNode> b)
    {
        b.ToTable("plan_nodes");
        b.Property(x => x.Level).HasMaxLength(40);
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanNode>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.PlanId, x.ParentId, x.Position });
    }
}
