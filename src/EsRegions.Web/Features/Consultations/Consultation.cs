using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EsRegions.Web.Features.Consultations;

public enum ConsultationPhase { Draft, Open, Closed, ReportPublished }

/// <summary>
/// A draft sent out for opinion: a plan version or uploaded material. draft → open (invitations go out) → closed (at the
/// end of the closing day, Warsaw time, or earlier by staff) → report published.
/// </summary>
public sealed class Consultation : ITenantOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TenantId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The consulted plan and the version it was at (null for uploaded material).</summary>
    public Guid? PlanId { get; private set; }
    public int? PlanVersion { get; private set; }
    /// <summary>A programme draft: the law on development policy asks for at least 35 days of comments.</summary>
    public bool Programme { get; private set; }
    public ConsultationSchedule Schedule { get; private set; } = null!;
    /// <summary>The phase as stored; <see cref="PhaseAt"/> also closes an open consultation once its time is up.</summary>
    public ConsultationPhase Phase { get; private set; }
    /// <summary>The key of the public link ("anyone may comment"); null when only invited participants reply.</summary>
    public string? PublicKey { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? ReportPublishedAt { get; private set; }

    private Consultation() { }

    public Consultation(string title, Guid? planId, int? planVersion, bool programme, ConsultationSchedule schedule)
    {
        Title = title.Trim();
        PlanId = planId;
        PlanVersion = planVersion;
        Programme = programme;
        Schedule = schedule;
    }

    public ConsultationPhase PhaseAt(DateTimeOffset now) =>
        Phase == ConsultationPhase.Open && now >= Schedule.ClosesAt ? ConsultationPhase.Closed : Phase;

    public bool AcceptsReplies(DateTimeOffset now) => PhaseAt(now) == ConsultationPhase.Open;

    public void Reschedule(ConsultationSchedule schedule, DateTimeOffset now)
    {
        if (PhaseAt(now) is not (ConsultationPhase.Draft or ConsultationPhase.Open))
            throw new ConsultationStateException("Terminów zamkniętych konsultacji nie można zmienić.");
        Schedule = schedule;
    }

    public void Open(DateTimeOffset now)
    {
        if (Phase != ConsultationPhase.Draft) throw new ConsultationStateException("Otworzyć można tylko konsultacje w przygotowaniu.");
        if (now >= Schedule.ClosesAt) throw new ConsultationStateException("Termin zakończenia konsultacji już minął: zmień daty przed otwarciem.");
        Phase = ConsultationPhase.Open;
        OpenedAt = now;
    }

    /// <summary>Staff close early; a consultation whose time is up is closed already (only the instant is recorded).</summary>
    public void Close(DateTimeOffset now)
    {
        if (Phase != ConsultationPhase.Open) throw new ConsultationStateException("Zamknąć można tylko otwarte konsultacje.");
        Phase = ConsultationPhase.Closed;
        ClosedAt = now < Schedule.ClosesAt ? now : Schedule.ClosesAt;
    }

    public void PublishReport(DateTimeOffset now)
    {
        if (PhaseAt(now) != ConsultationPhase.Closed)
            throw new ConsultationStateException("Raport można opublikować dopiero po zamknięciu konsultacji i tylko raz.");
        if (Phase == ConsultationPhase.Open) Close(now);
        Phase = ConsultationPhase.ReportPublished;
        ReportPublishedAt = now;
    }

    public void EnablePublicLink(string key)
    {
        if (Phase is ConsultationPhase.Closed or ConsultationPhase.ReportPublished)
            throw new ConsultationStateException("Konsultacje są zamknięte.");
        PublicKey ??= key;
    }

    public void DisablePublicLink() => PublicKey = null;

    public void Rename(string title) => Title = title.Trim();
}

/// <summary>A change of state the consultation's phases do not allow (answered with 409).</summary>
public sealed class ConsultationStateException(string template, params object?[] args) : Infrastructure.Web.ConflictException(template, args);

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("consultations");
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Phase).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PublicKey).HasMaxLength(64);
        b.OwnsOne(x => x.Schedule, s =>
        {
            s.Property(x => x.OpensOn).HasColumnName("opens_on");
            s.Property(x => x.ClosesOn).HasColumnName("closes_on");
            s.Property(x => x.EffectiveClosesOn).HasColumnName("effective_closes_on");
            s.Property(x => x.ClosesAt).HasColumnName("closes_at");
        });
        b.HasIndex(x => new { x.TenantId, x.PublicKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.PlanId });
    }
}
