using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// An organisation of the tenant's register (rejestr realizatorów): ROPS, OWES, WUP, the committee, GUS… Actions name
/// them as implementers and coordinators; monitoring assigns indicators to them.
/// </summary>
public sealed class Organisation : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public string ShortName { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }

    private Organisation() { }

    public Organisation(string shortName, string name, OrganisationKind kind)
    {
        ShortName = shortName.Trim();
        Name = name.Trim();
        Kind = kind;
    }
}

/// <summary>Categories of implementers and members used in the seed documents (GLOSSARY.md).</summary>
public enum OrganisationKind
{
    RegionalSocialPolicyCentre, // ROPS / MCPS
    SupportCentre,              // OWES
    RegionalGovernment,         // Urząd Marszałkowski, Zarząd Województwa
    LocalGovernment,            // JST
    LabourMarketInstitution,    // WUP, PUP
    SocialAssistanceUnit,       // JOPS: OPS, PCPR
    Committee,                  // MKRES / RKRES and its groups
    SocialEconomyEntity,        // PES
    ResearchInstitution,        // GUS, universities
    Other,
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.Property(x => x.ShortName).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(400);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(x => new { x.TenantId, x.ShortName }).IsUnique();
    }
}
