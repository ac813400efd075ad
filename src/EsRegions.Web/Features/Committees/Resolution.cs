using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Committees;

/// <summary>A committee's resolution: "uchwała nr 4/2024 MKRES z dnia 7 marca 2024 r.", numbered per committee per year.</summary>
public sealed class Resolution : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid CommitteeId { get; private set; }
    public int Number { get; private set; }
    public int Year { get; private set; }
    public DateOnly AdoptedOn { get; private set; }
    public string Title { get; private set; } = "";
    public string? DocumentUrl { get; private set; }

    private Resolution() { }

    public Resolution(Guid committeeId, int number, DateOnly adoptedOn, string title, string? documentUrl)
    {
        if (number < 1) throw new CommitteeRuleException("Numer uchwały musi być dodatni.");
        CommitteeId = committeeId;
        Number = number;
        Year = adoptedOn.Year;
        AdoptedOn = adoptedOn;
        Title = title.Trim();
        DocumentUrl = string.IsNullOrWhiteSpace(documentUrl) ? null : documentUrl.Trim();
    }

    public string Designation => $"{Number}/{Year}";
}

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> b)
    {
        b.ToTable("committee_resolutions");
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.DocumentUrl).HasMaxLength(1000);
        b.Ignore(x => x.Designation);
        b.HasOne<Committee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.CommitteeId, x.Year, x.Number }).IsUnique();
    }
}
