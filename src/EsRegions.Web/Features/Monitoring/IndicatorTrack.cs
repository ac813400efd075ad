using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Monitoring's own handle on a plan indicator: who reports it (the implementer organisation) and, through
/// <see cref="IndicatorValue"/>, its values. Plans recreates indicator rows (new ids) when a plan's whole document is
/// replaced, so a track is not a foreign key to an indicator: it remembers the indicator's id and its natural key
/// (plan, node code, action code, indicator name, position) and is re-linked to the indicator with the same natural
/// key after such a replacement — values survive a new version as long as the indicator keeps its place and name.
/// </summary>
public sealed class IndicatorTrack : ITenantOwned
{
    /// <summary>Set by the public constructor; EF sets it when it reads a row (no new id drawn per row read).</summary>
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public string NodeCode { get; private set; } = "";
    public string ActionCode { get; private set; } = "";
    public string IndicatorName { get; private set; } = "";
    public int Position { get; private set; }
    public Guid? OrganisationId { get; private set; }

    private IndicatorTrack() { }

    public IndicatorTrack(Guid planId, IndicatorRef indicator)
    {
        Id = Guid.CreateVersion7();
        PlanId = planId;
        Relink(indicator);
    }

    public void Relink(IndicatorRef indicator) =>
        (IndicatorId, NodeCode, ActionCode, IndicatorName, Position) =
        (indicator.Indicator.Id, indicator.NodeCode, indicator.ActionCode, indicator.Indicator.Name, indicator.Indicator.Position);

    public void AssignTo(Guid? organisationId) => OrganisationId = organisationId;

    public bool SameNaturalKey(IndicatorRef i) =>
        NodeCode == i.NodeCode && ActionCode == i.ActionCode && IndicatorName == i.Indicator.Name;
}

/// <summary>A plan indicator with the codes of its action and node (the natural key that survives new versions).</summary>
public sealed record IndicatorRef(Indicator Indicator, PlanAction Action, PlanNode Node)
{
    public string NodeCode => Node.Code;
    public string ActionCode => Action.Code;
}

internal sealed class IndicatorTrackConfiguration : IEntityTypeConfiguration<IndicatorTrack>
{
    public void Configure(EntityTypeBuilder<IndicatorTrack> b)
    {
        b.ToTable("monitoring_indicator_tracks");
        b.Property(x => x.NodeCode).HasMaxLength(40);
        b.Property(x => x.ActionCode).HasMaxLength(40);
        b.Property(x => x.IndicatorName).HasMaxLength(1000);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.PlanId, x.IndicatorId });
    }
}
