using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Committees.Calls;

public enum ApplicationStatus { Submitted, Accepted, Rejected }

/// <summary>One person's application (zgłoszenie) to a call for members; staff accept it into the committee or reject it with a note.</summary>
public sealed class CallApplication : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public Guid CallId { get; private set; }
    public string FullName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Institution { get; private set; } = "";
    public SeatCategory Seat { get; private set; }
    /// <summary>Whom the person represents and why they apply.</summary>
    public string Motivation { get; private set; } = "";
    /// <summary>The applicant confirmed reading the RODO clause (the form refuses an application without it).</summary>
    public bool RodoConsent { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Submitted;
    public string? DecisionNote { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    /// <summary>The committee seat created by an acceptance.</summary>
    public Guid? MemberId { get; private set; }

    private CallApplication() { }

    public CallApplication(MemberCall call, string fullName, string email, string institution, SeatCategory seat, string motivation,
        bool rodoConsent, DateTimeOffset submittedAt)
    {
        if (!rodoConsent) throw new CommitteeRuleException("Zgłoszenie wymaga zapoznania się z klauzulą RODO.");
        if (!call.Allows(seat)) throw new CommitteeRuleException("Ten nabór nie obejmuje wybranego miejsca (sektora).");
        CallId = call.Id;
        FullName = fullName.Trim();
        Email = email.Trim();
        Institution = institution.Trim();
        Seat = seat;
        Motivation = motivation.Trim();
        RodoConsent = true;
        SubmittedAt = submittedAt;
    }

    public void Accept(Guid memberId, string? note, string? by, DateTimeOffset at)
    {
        Decide(ApplicationStatus.Accepted, note, by, at);
        MemberId = memberId;
    }

    public void Reject(string? note, string? by, DateTimeOffset at) => Decide(ApplicationStatus.Rejected, note, by, at);

    private void Decide(ApplicationStatus status, string? note, string? by, DateTimeOffset at)
    {
        if (Status != ApplicationStatus.Submitted) throw new CommitteeRuleException("To zgłoszenie zostało już rozpatrzone.");
        Status = status;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedBy = by;
        DecidedAt = at;
    }

    /// <summary>RODO art. 17: the person's data replaced; the decision and its dates stay for the record.</summary>
    public void Erase()
    {
        FullName = Email = Institution = Motivation = PersonRef.ErasedLabel;
    }
}

internal sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> b)
    {
        b.ToTable("call_applications");
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Institution).HasMaxLength(400);
        b.Property(x => x.Seat).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Motivation).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.DecisionNote).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.HasOne<MemberCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.CallId });
    }
}
