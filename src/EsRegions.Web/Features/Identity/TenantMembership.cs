using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Identity;

/// <summary>A person's place in one region: their roles there, and for implementers the organisations they report for.</summary>
public sealed class TenantMembership : ITenantOwned
{
    public static readonly IReadOnlySet<string> TenantRoles = new HashSet<string>
    {
        Policies.Roles.TenantAdmin, Policies.Roles.Staff, Policies.Roles.Secretary, Policies.Roles.Implementer, Policies.Roles.CommitteeMember,
    };

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public List<string> Roles { get; private set; } = [];
    public List<Guid> OrganisationIds { get; private set; } = [];
    public bool IsActive { get; private set; } = true;

    private TenantMembership() { }

    public TenantMembership(Guid userId, IEnumerable<string> roles, IEnumerable<Guid>? organisationIds = null)
    {
        UserId = userId;
        SetRoles(roles);
        OrganisationIds = organisationIds?.Distinct().ToList() ?? [];
    }

    public void SetRoles(IEnumerable<string> roles)
    {
        var list = roles.Distinct().ToList();
        var unknown = list.Where(r => !TenantRoles.Contains(r)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknown)}", nameof(roles));
        Roles = list;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate(IEnumerable<string> roles)
    {
        SetRoles(roles);
        IsActive = true;
    }
}

internal sealed class TenantMembershipConfiguration : IEntityTypeConfiguration<TenantMembership>
{
    public void Configure(EntityTypeBuilder<TenantMembership> b)
    {
        b.ToTable("tenant_memberships");
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
