using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Plans;

/// <summary>An action (działanie): a row of the plan's table, under an intervention direction.</summary>
public sealed class PlanAction : ITenantOwned
{
    /// <summary>Set by the public constructor; EF sets it when it reads a row (no new id drawn per row read).</summary>
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid NodeId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Product { get; private set; } = "";
    public List<BudgetLine> Budget { get; private set; } = [];
    public Timeframe Timeframe { get; private set; } = new("", null, null);
    public List<string> Implementers { get; private set; } = [];
    public string? Coordinator { get; private set; }
    public List<string> EngagedBodies { get; private set; } = [];
    public int Position { get; private set; }

    private PlanAction() { }

    public PlanAction(Guid planId, Guid nodeId, int position, string code, string name, string description, string product,
        IEnumerable<BudgetLine> budget, Timeframe timeframe, IEnumerable<string> implementers, string? coordinator, IEnumerable<string> engagedBodies)
    {
        Id = Guid.CreateVersion7();
        PlanId = planId;
        NodeId = nodeId;
        Position = position;
        Code = code;
        Name = name;
        Description = description;
        Product = product;
        Budget = budget.ToList();
        Timeframe = timeframe;
        Implementers = implementers.ToList();
        Coordinator = coordinator;
        EngagedBodies = engagedBodies.ToList();
    }

    /// <summary>An action as stored, for read-only reads that bypass EF's materialiser (<see cref="PlanRows"/>).</summary>
    internal static PlanAction Stored(Guid id, Guid tenantId, Guid planId, Guid nodeId, int position, string code, string name, string description,
        string product, List<BudgetLine> budget, Timeframe timeframe, List<string> implementers, string? coordinator, List<string> engagedBodies) =>
        new()
        {
            Id = id, TenantId = tenantId, PlanId = planId, NodeId = nodeId, Position = position, Code = code, Name = name, Description = description,
            Product = product, Budget = budget, Timeframe = timeframe, Implementers = implementers, Coordinator = coordinator, EngagedBodies = engagedBodies,
        };

    /// <summary>Staff edit the action's own fields (indicators and budget lines are edited with the plan document).</summary>
    public void Edit(string name, string description, string product, Timeframe timeframe, IEnumerable<string> implementers, string? coordinator)
    {
        Name = name.Trim();
        Description = description.Trim();
        Product = product.Trim();
        Timeframe = timeframe;
        Implementers = implementers.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        Coordinator = string.IsNullOrWhiteSpace(coordinator) ? null : coordinator.Trim();
    }

    /// <summary>Staff renumber the action ("1", "2a") as the plan numbers it.</summary>
    public void Renumber(string code) => Code = code.Trim();

    /// <summary>Staff move the action under another intervention direction of the same plan, at <paramref name="position"/>.</summary>
    public void MoveTo(Guid nodeId, int position) => (NodeId, Position) = (nodeId, position);

    /// <summary>Staff replace the action's budget lines (amount where given, funding source, text as written).</summary>
    public void SetBudget(IEnumerable<BudgetLine> budget) => Budget = budget.ToList();
}

/// <summary>A budget cell part: amount in PLN where the document gives one, the funding source and the text as written.</summary>
public sealed record BudgetLine(decimal? Amount, string Source, string Text);

/// <summary>A timeframe as written ("II-IV kwartał 2024") with its interval when it can be read.</summary>
public sealed record Timeframe(string Text, DateOnly? From, DateOnly? To);

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("plan_actions");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Coordinator).HasMaxLength(300);
        b.OwnsMany(x => x.Budget, o => o.ToJson());
        b.OwnsOne(x => x.Timeframe, o => o.ToJson());
        b.HasOne<PlanNode>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.TenantId, x.PlanId, x.NodeId, x.Position });
    }
}
