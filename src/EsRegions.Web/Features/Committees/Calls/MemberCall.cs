using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>draft → open → closed → decided: a call is public from "open"; applications only while open and before the deadline.</summary>
public enum CallStatus { Draft, Open, Closed, Decided }

/// <summary>
/// A call for members of a committee or working group (seed 001: "Zaproszenie do udziału w pracach grupy…"): the text,
/// the last day for applications and the day by which applicants hear back, and the seats it is open to.
/// </summary>
public sealed class MemberCall : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    /// <summary>The key in tenants/&lt;slug&gt;/calls.json (null for calls created in the application).</summary>
    public string? Key { get; private set; }
    public Guid CommitteeId { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>The last day (Warsaw) on which applications are accepted.</summary>
    public DateOnly ApplicationDeadline { get; private set; }
    /// <summary>The day by which applicants are told whether they are in (potwierdzenie udziału).</summary>
    public DateOnly? ConfirmationBy { get; private set; }
    public CallStatus Status { get; private set; } = CallStatus.Draft;
    /// <summary>The seats applicants may choose from; empty means any.</summary>
    public List<SeatCategory> Seats { get; private set; } = [];
    public string? Source { get; private set; }

    private MemberCall() { }

    public MemberCall(Guid committeeId, string title, string text, DateOnly applicationDeadline, DateOnly? confirmationBy,
        IEnumerable<SeatCategory> seats, string? key = null, string? source = null)
    {
        Key = key;
        Source = source;
        Edit(committeeId, title, text, applicationDeadline, confirmationBy, seats);
    }

    public void Edit(Guid committeeId, string title, string text, DateOnly applicationDeadline, DateOnly? confirmationBy, IEnumerable<SeatCategory> seats)
    {
        if (Status == CallStatus.Decided) throw new CommitteeRuleException("Rozstrzygniętego naboru nie można już zmieniać.");
        if (confirmationBy is { } c && c < applicationDeadline)
            throw new CommitteeRuleException("Termin potwierdzenia udziału nie może być przed terminem zgłoszeń.");
        CommitteeId = committeeId;
        Title = title.Trim();
        Text = text.Trim();
        ApplicationDeadline = applicationDeadline;
        ConfirmationBy = confirmationBy;
        Seats = seats.Distinct().Order().ToList();
    }

    public bool IsPublic => Status != CallStatus.Draft;

    /// <summary>Whether an application sent on <paramref name="today"/> (Warsaw) is accepted.</summary>
    public bool AcceptsApplications(DateOnly today) => Status == CallStatus.Open && today <= ApplicationDeadline;

    public bool Allows(SeatCategory seat) => Seats.Count == 0 || Seats.Contains(seat);

    public void Open()
    {
        if (Status is not (CallStatus.Draft or CallStatus.Closed)) throw new CommitteeRuleException("Otworzyć można tylko szkic albo zamknięty nabór.");
        Status = CallStatus.Open;
    }

    public void Close()
    {
        if (Status != CallStatus.Open) throw new CommitteeRuleException("Zamknąć można tylko otwarty nabór.");
        Status = CallStatus.Closed;
    }

    public void MarkDecided(int pendingApplications)
    {
        if (Status != CallStatus.Closed) throw new CommitteeRuleException("Rozstrzygnąć można tylko zamknięty nabór.");
        if (pendingApplications > 0) throw new CommitteeRuleException("Nie rozpatrzono jeszcze {0} zgłoszeń.", pendingApplications);
        Status = CallStatus.Decided;
    }

    /// <summary>Status as loaded from calls.json (the file states where a past call stands).</summary>
    internal void SetLoadedStatus(CallStatus status) => Status = status;
}

internal sealed class MemberCallConfiguration : IEntityTypeConfiguration<MemberCall>
{
    public void Configure(EntityTypeBuilder<MemberCall> b)
    {
        b.ToTable("member_calls");
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Text).HasMaxLength(20000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.PrimitiveCollection(x => x.Seats).ElementType().HasConversion<string>();
        b.Property(x => x.Source).HasMaxLength(400);
        b.Ignore(x => x.IsPublic);
        b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.CommitteeId });
        b.HasOne<Committee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}
