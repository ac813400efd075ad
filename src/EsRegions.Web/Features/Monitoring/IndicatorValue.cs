using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>Staff's (or the implementer's) judgement of a target that no number can check ("skrócenie z 3 msc. do 1 msc.").</summary>
public enum Assessment { Achieved, PartlyAchieved, NotAchieved }

/// <summary>
/// What a value and each of its revisions share: the indicator's track, the period and the entered content.
/// Not an entity itself: EF maps these properties into each subclass's own table.
/// </summary>
public abstract class IndicatorValueContent : ITenantOwned
{
    /// <summary>Drawn by the subclasses' public constructors, not in an initialiser: EF's constructor would draw one for
    /// every value it reads (the plan page reads tens of thousands; docs/performance.md).</summary>
    public Guid Id { get; protected set; }
    public Guid TenantId { get; private set; }
    public Guid TrackId { get; protected set; }
    public string Period { get; protected set; } = "";
    public decimal? Number { get; protected set; }
    public string? Text { get; protected set; }
    public string? Comment { get; protected set; }
    public Assessment? Assessment { get; protected set; }

    /// <summary>Column facets shared by both tables.</summary>
    internal static void ConfigureContent<T>(EntityTypeBuilder<T> b) where T : IndicatorValueContent
    {
        b.Property(x => x.Period).HasMaxLength(10);
        b.Property(x => x.Number).HasPrecision(18, 2);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(16);
        b.HasOne<IndicatorTrack>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The actual value of a tracked indicator in one reporting period; every change is kept as a revision.</summary>
public sealed class IndicatorValue : IndicatorValueContent
{
    public string EnteredBy { get; private set; } = "";
    public DateTimeOffset EnteredAt { get; private set; }

    private IndicatorValue() { }

    public IndicatorValue(Guid trackId, ReportingPeriodKey period) => (Id, TrackId, Period) = (Guid.CreateVersion7(), trackId, period.ToString());

    /// <summary>Sets the value and returns the revision that records the change.</summary>
    public IndicatorValueRevision Set(decimal? number, string? text, string? comment, Assessment? assessment, string by, DateTimeOffset at)
    {
        (Number, Text, Comment, Assessment, EnteredBy, EnteredAt) = (number, Blank(text), Blank(comment), assessment, by, at);
        return new IndicatorValueRevision(this);
    }

    /// <summary>Erasure (RODO): the value stays, the name of who entered it goes.</summary>
    internal void EraseAuthor(string label) => EnteredBy = label;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One change of a value, as it was entered (history shown beside the value).</summary>
public sealed class IndicatorValueRevision : IndicatorValueContent
{
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    private IndicatorValueRevision() { }

    /// <summary>A copy of the value as it is now.</summary>
    public IndicatorValueRevision(IndicatorValue value) =>
        (Id, TrackId, Period, Number, Text, Comment, Assessment, ChangedBy, ChangedAt) =
        (Guid.CreateVersion7(), value.TrackId, value.Period, value.Number, value.Text, value.Comment, value.Assessment, value.EnteredBy, value.EnteredAt);

    /// <summary>Erasure (RODO): the revision stays, the name of who made it goes.</summary>
    internal void EraseAuthor(string label) => ChangedBy = label;
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.ToTable("monitoring_indicator_values");
        IndicatorValueContent.ConfigureContent(b);
        b.Property(x => x.EnteredBy).HasMaxLength(300);
        b.HasIndex(x => new { x.TenantId, x.TrackId, x.Period }).IsUnique();
    }
}

internal sealed class IndicatorValueRevisionConfiguration : IEntityTypeConfiguration<IndicatorValueRevision>
{
    public void Configure(EntityTypeBuilder<IndicatorValueRevision> b)
    {
        b.ToTable("monitoring_indicator_value_revisions");
        IndicatorValueContent.ConfigureContent(b);
        b.Property(x => x.ChangedBy).HasMaxLength(300);
        b.HasIndex(x => new { x.TenantId, x.TrackId, x.Period, x.ChangedAt });
    }
}
