using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Committees;

/// <summary>
/// The seat a member holds: the statutory sectors of a regional committee for social economy, plus the support
/// centres (OWES), social-assistance units (JOPS) and labour-market institutions (IRP) the seeds name.
/// </summary>
public enum SeatCategory
{
    RegionalBoard,          // marszałek / zarząd województwa
    Voivode,                // wojewoda
    LocalGovernment,        // JST
    SocialEconomyEntity,    // PES
    PublicBenefitCouncil,   // wojewódzka rada działalności pożytku publicznego
    CooperativeUnion,       // związki spółdzielcze
    ResearchInstitute,      // instytuty badawcze
    University,             // uczelnie
    TradeUnion,             // związki zawodowe
    EmployersOrganisation,  // organizacje pracodawców
    SupportCentre,          // OWES
    SocialAssistanceUnit,   // JOPS (OPS, PCPR)
    LabourMarketInstitution, // IRP (PUP, WUP)
    Other,
}

public enum MemberRole { Chair, DeputyChair, Secretary, Member, Substitute }

/// <summary>A person's seat in a committee for a term of office (kadencja, 3 years unless the region says otherwise).</summary>
public sealed class CommitteeMember : ITenantOwned
{
    public const int TermYears = 3;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid CommitteeId { get; private set; }
    public string FullName { get; private set; } = "";
    public string? Email { get; private set; }
    public string Institution { get; private set; } = "";
    public SeatCategory Seat { get; private set; }
    public MemberRole Role { get; private set; }
    public DateOnly TermFrom { get; private set; }
    public DateOnly TermTo { get; private set; }
    /// <summary>Set when the member leaves before the term ends.</summary>
    public DateOnly? LeftOn { get; private set; }
    /// <summary>SHA-256 of the secret in the member's private calendar feed URL (null: no feed).</summary>
    public byte[]? FeedTokenHash { get; private set; }

    private CommitteeMember() { }

    public CommitteeMember(Guid committeeId, string fullName, string? email, string institution, SeatCategory seat, MemberRole role,
        DateOnly termFrom, DateOnly? termTo = null)
    {
        CommitteeId = committeeId;
        Change(fullName, email, institution, seat, role, termFrom, termTo ?? termFrom.AddYears(TermYears).AddDays(-1));
    }

    public void Change(string fullName, string? email, string institution, SeatCategory seat, MemberRole role, DateOnly termFrom, DateOnly termTo)
    {
        if (termTo < termFrom) throw new CommitteeRuleException("Kadencja nie może kończyć się przed jej początkiem.");
        FullName = fullName.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Institution = institution.Trim();
        Seat = seat;
        Role = role;
        TermFrom = termFrom;
        TermTo = termTo;
    }

    public bool IsSitting(DateOnly today) => LeftOn is null && TermFrom <= today && today <= TermTo;

    /// <summary><see cref="IsSitting"/> for queries: the one definition of who sits on a body on a given day.</summary>
    public static System.Linq.Expressions.Expression<Func<CommitteeMember, bool>> SittingOn(DateOnly today) =>
        m => m.LeftOn == null && m.TermFrom <= today && m.TermTo >= today;

    public void Leave(DateOnly on)
    {
        if (LeftOn is not null) throw new CommitteeRuleException("Ta osoba już zakończyła członkostwo.");
        if (on < TermFrom) throw new CommitteeRuleException("Członkostwo nie może się zakończyć przed początkiem kadencji.");
        LeftOn = on;
    }

    /// <summary>Takes back an end of membership recorded by mistake: the seat is held as before.</summary>
    public void UndoLeave() => LeftOn = null;

    /// <summary>True after a RODO erasure: the seat's history stays, the person is no longer known.</summary>
    public bool IsErased => FullName == Infrastructure.Privacy.PersonRef.ErasedLabel;

    public void SetFeedToken(byte[] hash) => FeedTokenHash = hash;

    /// <summary>RODO erasure: the person's name, address and institution go, and so does their calendar feed; the seat,
    /// role and term stay, so the committee's history of seats is kept.</summary>
    public void Anonymise(string label)
    {
        FullName = label;
        Email = null;
        Institution = label;
        FeedTokenHash = null;
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("committee_members");
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Institution).HasMaxLength(400);
        b.Property(x => x.Seat).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Committee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.CommitteeId });
        b.HasIndex(x => new { x.TenantId, x.FeedTokenHash }).IsUnique().HasFilter("feed_token_hash IS NOT NULL");
    }
}
