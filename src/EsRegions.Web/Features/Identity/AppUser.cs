using EsRegions.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// A person who signs in. One account per e-mail address for the whole platform; what the person may do in a region
/// is their <see cref="TenantMembership"/> there.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>, ISharedEntity
{
    public string DisplayName { get; set; } = "";
    public bool IsPlatformAdmin { get; set; }
    public bool IsActive { get; set; } = true;

    public AppUser() => Id = Guid.CreateVersion7();

    public AppUser(string email, string displayName) : this()
    {
        Email = email;
        UserName = email;
        DisplayName = displayName;
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("users");
        b.Property(x => x.DisplayName).HasMaxLength(200);
    }
}
