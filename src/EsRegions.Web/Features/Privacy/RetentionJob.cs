using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Privacy;

/// <summary>What one retention run changed in one region.</summary>
public sealed record RetentionResult(int SentEmailsDeleted, int ConsultationParticipantsAnonymised, int MeetingInvitationsAnonymised, int ErasureRecordsDeleted)
{
    public int Total => SentEmailsDeleted + ConsultationParticipantsAnonymised + MeetingInvitationsAnonymised + ErasureRecordsDeleted;
}

/// <summary>
/// The daily Hangfire job that applies each region's retention periods (tenant.json "retention") in that region's
/// scope. Its arguments carry nothing personal (none at all: it walks the active regions itself). Each region runs in
/// one transaction; a failing region is logged and retried the next day without stopping the others.
/// </summary>
public sealed class RetentionJob(TenantRegistry registry, TenantScopeFactory scopes, ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "privacy-retention";
    public const string Actor = "job:" + RecurringJobId;
    /// <summary>The domain of <see cref="PersonRef.ErasedEmail"/>: rows with it were anonymised already.</summary>
    private const string ErasedDomain = "@dane-usuniete.invalid";

    public async Task ApplyAllAsync(CancellationToken ct)
    {
        foreach (var tenant in registry.Active)
        {
            try
            {
                var result = await ApplyTenantAsync(tenant.Id, ct);
                if (result.Total > 0)
                    logger.LogInformation("Retention in {TenantSlug}: {Emails} e-mails deleted, {Participants} participants and {Invitations} invitations anonymised, {Erasures} erasure records deleted",
                        tenant.Slug, result.SentEmailsDeleted, result.ConsultationParticipantsAnonymised, result.MeetingInvitationsAnonymised, result.ErasureRecordsDeleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retention failed for {TenantSlug}; the next run tries again", tenant.Slug);
            }
        }
    }

    public async Task<RetentionResult> ApplyTenantAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateScope(tenantId);
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().Set(Actor);
        var policy = services.GetRequiredService<TenantContext>().Required.Settings.RetentionOrNone;
        var db = services.GetRequiredService<EsRegionsDbContext>();
        var redaction = services.GetRequiredService<AuditRedaction>();
        var links = services.GetRequiredService<EmailLinks>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var emails = policy.SentEmailsDays is { } days ? await DeleteSentEmailsAsync(db, now.AddDays(-days), ct) : 0;
        var erasures = policy.ErasureAuditYears is { } years ? await DeleteErasureRecordsAsync(db, now.AddYears(-years), ct) : 0;
        var participants = policy.ConsultationParticipantsMonths is { } pm
            ? await AnonymiseConsultationParticipantsAsync(db, redaction, now.AddMonths(-pm), now, ct) : 0;
        var invitations = policy.MeetingInvitationsMonths is { } im
            ? await AnonymiseMeetingInvitationsAsync(db, redaction, links, now.AddMonths(-im), ct) : 0;
        await tx.CommitAsync(ct);
        return new RetentionResult(emails, participants, invitations, erasures);
    }

    /// <summary>Outbox rows that were sent or finally failed before the cutoff (pending ones are still work to do).</summary>
    private static Task<int> DeleteSentEmailsAsync(EsRegionsDbContext db, DateTimeOffset cutoff, CancellationToken ct) =>
        db.Set<OutboxMessage>()
            .Where(m => (m.State == OutboxState.Sent || m.State == OutboxState.Failed) && (m.SentAt ?? m.CreatedAt) < cutoff)
            .ExecuteDeleteAsync(ct);

    private static Task<int> DeleteErasureRecordsAsync(EsRegionsDbContext db, DateTimeOffset cutoff, CancellationToken ct) =>
        db.Set<PersonalDataErasure>().Where(e => e.ErasedAt < cutoff).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Participants of consultations whose report was published before the cutoff are anonymised as an erasure does it:
    /// name → "[dane usunięte]", address → a unique unusable one, organisation dropped; their comments stay in the
    /// report under the erased label. Their reply links are revoked. The query (documented in tenants/TENANT-FORMAT.md):
    /// <code>
    /// UPDATE consultation_participants p SET name = '[dane usunięte]', email = 'usunieto-' || replace(p.id::text, '-', '') || '@dane-usuniete.invalid', organisation = NULL
    /// FROM consultations c WHERE c.id = p.consultation_id AND c.tenant_id = :tenant AND p.tenant_id = :tenant
    ///   AND c.report_published_at &lt; :cutoff AND p.email NOT LIKE '%@dane-usuniete.invalid'
    /// RETURNING p.id
    /// </code>
    /// </summary>
    private static async Task<int> AnonymiseConsultationParticipantsAsync(EsRegionsDbContext db, AuditRedaction redaction,
        DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        var label = PersonRef.ErasedLabel;
        var erasedDomain = "%" + ErasedDomain;
        var tenantId = db.CurrentTenantId;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE consultation_participants p
            SET name = {label}, email = 'usunieto-' || replace(p.id::text, '-', '') || '@dane-usuniete.invalid', organisation = NULL
            FROM consultations c
            WHERE c.id = p.consultation_id AND c.tenant_id = {tenantId} AND p.tenant_id = {tenantId}
              AND c.report_published_at < {cutoff} AND p.email NOT LIKE {erasedDomain}
            RETURNING p.id AS "Value"
            """).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE email_links SET revoked_at = {now}
            WHERE tenant_id = {tenantId} AND purpose = 'consultation-reply' AND revoked_at IS NULL AND subject_id = ANY({ids.ToArray()})
            """, ct);
        foreach (var id in ids) await redaction.RedactAsync("ConsultationParticipant", id.ToString(), ["Name", "Email", "Organisation"], ct);
        return ids.Count;
    }

    /// <summary>Invitations to meetings that ended (or, without times, whose last day passed) before the cutoff.</summary>
    private static async Task<int> AnonymiseMeetingInvitationsAsync(EsRegionsDbContext db, AuditRedaction redaction, EmailLinks links,
        DateTimeOffset cutoff, CancellationToken ct)
    {
        var cutoffDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(cutoff, PolishCalendar.Warsaw).DateTime);
        var old = await db.Set<Invitation>()
            .Where(i => !i.Email.EndsWith(ErasedDomain))
            .Join(db.Set<Meeting>(), i => i.MeetingId, m => m.Id, (i, m) => new { i, m })
            .Where(x => (x.m.EndsAt ?? x.m.StartsAt) != null ? (x.m.EndsAt ?? x.m.StartsAt) < cutoff : x.m.Date.To < cutoffDay)
            .Select(x => x.i)
            .ToListAsync(ct);
        foreach (var invitation in old)
        {
            invitation.Anonymise(PersonRef.ErasedLabel, PersonRef.ErasedEmail(invitation.Id));
            await links.RevokeAsync(MeetingInvitations.RsvpPurpose, invitation.Id, ct);
        }
        var erased = redaction.Collect();
        await db.SaveChangesAsync(ct);
        await redaction.RedactAsync(erased, ct);
        return old.Count;
    }
}
