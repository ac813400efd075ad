using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Committees;

/// <summary>What a body is: the main committee (MKRES / RKRES), an expert team, a working group, a council, a jury (kapituła).</summary>
public enum CommitteeKind { Committee, ExpertTeam, WorkingGroup, Council, Jury }

/// <summary>
/// A committee or one of its working groups / expert teams, with its mandate and the plan priorities it works on
/// (plan node codes such as "I.1", resolved against the region's plans when shown).
/// </summary>
public sealed class Committee : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    /// <summary>The key in tenants/&lt;slug&gt;/committees.json (null for bodies created in the application).</summary>
    public string? Key { get; private set; }
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public CommitteeKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Mandate { get; private set; } = "";
    public List<string> PlanPriorities { get; private set; } = [];
    public string? Source { get; private set; }

    private Committee() { }

    public Committee(string? key, string name, string? shortName, CommitteeKind kind, Guid? parentId, string mandate,
        IEnumerable<string> planPriorities, string? source)
    {
        Key = key;
        Source = source;
        Edit(name, shortName, kind, parentId, mandate, planPriorities);
    }

    public void Edit(string name, string? shortName, CommitteeKind kind, Guid? parentId, string mandate, IEnumerable<string> planPriorities)
    {
        if (parentId == Id) throw new CommitteeRuleException("Komitet nie może być swoją własną jednostką nadrzędną.");
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim();
        Kind = kind;
        ParentId = parentId;
        Mandate = mandate.Trim();
        PlanPriorities = planPriorities.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
    }

    public string DisplayName => ShortName is null || Name.Contains(ShortName) ? Name : $"{Name} ({ShortName})";
}

/// <summary>A committee rule was broken (409).</summary>
public sealed class CommitteeRuleException(string template, params object?[] args) : EsRegions.Web.Infrastructure.Web.ConflictException(template, args);

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.ToTable("committees");
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.Name).HasMaxLength(400);
        b.Property(x => x.ShortName).HasMaxLength(80);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Mandate).HasMaxLength(8000);
        b.Property(x => x.Source).HasMaxLength(400);
        b.Ignore(x => x.DisplayName);
        b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        b.HasOne<Committee>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
