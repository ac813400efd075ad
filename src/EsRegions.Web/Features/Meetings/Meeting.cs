using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Meetings;

/// <summary>Calendar entry kinds: posiedzenie, spotkanie, spotkanie monitoringowe, konferencja, wizyta studyjna, gala, warsztat, szkolenie, działanie.</summary>
public enum MeetingKind { Sitting, Meeting, MonitoringMeeting, Conference, StudyVisit, Gala, Workshop, Training, Task }

public sealed record MeetingMaterial(string Title, string Url);

/// <summary>
/// A meeting or event in the region's calendar. Its date is fuzzy as written ("Połowa lutego") or exact (start and end
/// instants). A meeting sent out as invitations is one iCalendar event: the UID never changes, and every change that
/// attendees must hear about raises <see cref="Sequence"/>.
/// </summary>
public sealed class Meeting : ITenantOwned
{
    /// <summary>Set by the public constructor; EF sets it when it reads a row (no new id drawn per row read).</summary>
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Title { get; private set; } = "";
    public MeetingKind Kind { get; private set; }
    public FuzzyDate Date { get; private set; } = null!;
    public DateTimeOffset? StartsAt { get; private set; }
    public DateTimeOffset? EndsAt { get; private set; }
    public string? Location { get; private set; }
    public bool Online { get; private set; }
    public string? OnlineUrl { get; private set; }
    public string? Organiser { get; private set; }
    public string? Agenda { get; private set; }
    public string? Notes { get; private set; }
    public Guid? CommitteeId { get; private set; }
    public bool IsPublic { get; private set; }
    public List<MeetingMaterial> Materials { get; private set; } = [];
    public int Sequence { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>The entry's key in a tenants/&lt;slug&gt;/calendar file, for idempotent loading.</summary>
    public string? SourceKey { get; private set; }
    public string? Minutes { get; private set; }
    public string? MinutesUrl { get; private set; }
    public DateTimeOffset? MinutesRecordedAt { get; private set; }

    private Meeting() { }

    public Meeting(string title, MeetingKind kind, FuzzyDate date, string? sourceKey = null)
    {
        Id = Guid.CreateVersion7();
        Title = title.Trim();
        Kind = kind;
        Date = date;
        SourceKey = sourceKey;
    }

    /// <summary>The iCalendar UID: stable for the meeting's whole life, so updates and cancellations replace the same event.</summary>
    public string Uid => $"{Id:N}@esregions";

    public bool IsCancelled => CancelledAt is not null;

    /// <summary>When answers close: the start of an exact meeting, or the first day (00:00 Warsaw) of a dated one.</summary>
    public DateTimeOffset Start => StartsAt ?? PolishCalendar.AtWarsawTime(Date.From, TimeOnly.MinValue);

    /// <summary>Invitations need a day: an exact time, or a day / a span of days.</summary>
    public bool CanInvite => !IsCancelled && (StartsAt is not null || Date.Precision is FuzzyDatePrecision.Day or FuzzyDatePrecision.DayRange);

    public void Describe(string title, MeetingKind kind, string? organiser, string? agenda, string? notes, Guid? committeeId, bool isPublic)
    {
        EnsureOpen();
        Title = title.Trim();
        Kind = kind;
        Organiser = Blank(organiser);
        Agenda = Blank(agenda);
        Notes = Blank(notes);
        CommitteeId = committeeId;
        IsPublic = isPublic;
    }

    /// <summary>Sets when and where; returns whether attendees must be told (the time or the place changed).</summary>
    public bool Schedule(FuzzyDate date, DateTimeOffset? startsAt, DateTimeOffset? endsAt, string? location, bool online, string? onlineUrl)
    {
        EnsureOpen();
        if (startsAt is not null && endsAt is not null && endsAt <= startsAt)
            throw new MeetingRuleException("Spotkanie musi kończyć się po rozpoczęciu.");
        if (startsAt is null && endsAt is not null) throw new MeetingRuleException("Podaj godzinę rozpoczęcia.");
        var changed = date != Date || startsAt != StartsAt || endsAt != EndsAt || Blank(location) != Location || online != Online || Blank(onlineUrl) != OnlineUrl;
        Date = date;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Location = Blank(location);
        Online = online || onlineUrl is not null;
        OnlineUrl = Blank(onlineUrl);
        return changed;
    }

    /// <summary>An update attendees will receive: same UID, next SEQUENCE.</summary>
    public void RaiseSequence() => Sequence++;

    public void Cancel(DateTimeOffset now)
    {
        EnsureOpen();
        CancelledAt = now;
        Sequence++;
    }

    public void SetMaterials(IEnumerable<MeetingMaterial> materials) => Materials = materials.ToList();

    public void RecordMinutes(string? minutes, string? minutesUrl, DateTimeOffset now)
    {
        if (IsCancelled) throw new MeetingRuleException("Odwołane spotkanie nie ma protokołu.");
        if (now < Start) throw new MeetingRuleException("Protokół można dodać dopiero po spotkaniu.");
        if (string.IsNullOrWhiteSpace(minutes) && string.IsNullOrWhiteSpace(minutesUrl))
            throw new MeetingRuleException("Wpisz treść protokołu albo podaj adres dokumentu.");
        Minutes = Blank(minutes);
        MinutesUrl = Blank(minutesUrl);
        MinutesRecordedAt = now;
    }

    private void EnsureOpen()
    {
        if (IsCancelled) throw new MeetingRuleException("Spotkanie zostało odwołane i nie może się już zmieniać.");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A meeting rule was broken (409).</summary>
public sealed class MeetingRuleException(string template, params object?[] args) : EsRegions.Web.Infrastructure.Web.ConflictException(template, args);

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("meetings");
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.OwnsOne(x => x.Date, d =>
        {
            d.Property(p => p.Text).HasColumnName("date_text").HasMaxLength(100);
            d.Property(p => p.From).HasColumnName("date_from");
            d.Property(p => p.To).HasColumnName("date_to");
            d.Property(p => p.Precision).HasColumnName("date_precision").HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(x => x.Date).IsRequired();
        b.Property(x => x.Location).HasMaxLength(400);
        b.Property(x => x.OnlineUrl).HasMaxLength(1000);
        b.Property(x => x.Organiser).HasMaxLength(400);
        b.Property(x => x.Agenda).HasMaxLength(8000);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.SourceKey).HasMaxLength(80);
        b.Property(x => x.Minutes).HasMaxLength(50000);
        b.Property(x => x.MinutesUrl).HasMaxLength(1000);
        b.OwnsMany(x => x.Materials, m => m.ToJson());
        b.Ignore(x => x.Uid);
        b.Ignore(x => x.IsCancelled);
        b.Ignore(x => x.Start);
        b.Ignore(x => x.CanInvite);
        b.HasOne<Committee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TenantId, x.SourceKey }).IsUnique().HasFilter("source_key IS NOT NULL");
        b.HasIndex(x => new { x.TenantId, x.CommitteeId });
    }
}
