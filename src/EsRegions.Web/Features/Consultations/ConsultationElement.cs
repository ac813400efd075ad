using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// One element of the consulted draft, as it was sent out: a goal, priority, direction or action of the plan version,
/// or a section of uploaded material. Comments point here, so later edits of the plan do not move them.
/// </summary>
public sealed class ConsultationElement : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid ConsultationId { get; private set; }
    public Guid? ParentId { get; private set; }
    public int Position { get; private set; }
    public int Depth { get; private set; }
    /// <summary>The level's label as the region names it ("Cel szczegółowy", "Działanie") or "Rozdział" for material.</summary>
    public string Label { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>The current wording shown to participants and in the report ("obecny zapis").</summary>
    public string Text { get; private set; } = "";
    /// <summary>The plan node or action this element was taken from (the API's nodeId); null for material sections.</summary>
    public Guid? SourceId { get; private set; }

    private ConsultationElement() { }

    public ConsultationElement(Guid consultationId, Guid id, Guid? parentId, int position, int depth, string label, string code, string title,
        string text, Guid? sourceId)
    {
        Id = id;
        ConsultationId = consultationId;
        ParentId = parentId;
        Position = position;
        Depth = depth;
        Label = label;
        Code = code;
        Title = title;
        Text = text;
        SourceId = sourceId;
    }

    /// <summary>"Cel szczegółowy I.1. Rozwój…" — how the element is named in the report.</summary>
    public string Name => $"{Label} {Code}{(Code.Length > 0 ? ". " : "")}{Title}".Trim();

    /// <summary>The id the API shows: the plan's node or action, or the section's own id.</summary>
    public Guid NodeId => SourceId ?? Id;
}

internal sealed class ConsultationElementConfiguration : IEntityTypeConfiguration<ConsultationElement>
{
    public void Configure(EntityTypeBuilder<ConsultationElement> b)
    {
        b.ToTable("consultation_elements");
        b.Property(x => x.Label).HasMaxLength(60);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.ConsultationId, x.Position });
    }
}
