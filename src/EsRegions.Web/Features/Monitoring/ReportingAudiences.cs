using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>
/// Recipients of reporting reminders, resolved when a reminder fires (so that values entered in the meantime stop
/// it): implementers of organisations with an assigned indicator still lacking a value for the period, and — for the
/// escalation — the region's staff, while any indicator of the period still lacks a value.
/// </summary>
public sealed class ReportingAudiences(EsRegionsDbContext db, string rule) : IReminderAudience
{
    public const string Implementers = "monitoring:implementers";
    public const string Staff = "monitoring:staff";

    public string Rule => rule;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct)
    {
        var period = await db.Set<ReportingPeriod>().FirstOrDefaultAsync(p => p.Id == reminder.SubjectId, ct);
        if (period is null || period.IsLocked) return [];
        var missing = await MissingOrganisationsAsync(period, ct);
        if (rule == Staff)
        {
            var anyMissing = missing.Count > 0 || await UnassignedMissingAsync(period, ct);
            return anyMissing ? await MembersAsync(m => m.Roles.Contains(Policies.Roles.Staff) || m.Roles.Contains(Policies.Roles.TenantAdmin), ct) : [];
        }
        if (missing.Count == 0) return [];
        return await MembersAsync(m => m.Roles.Contains(Policies.Roles.Implementer) && m.OrganisationIds.Any(o => missing.Contains(o)), ct);
    }

    private async Task<List<Guid>> MissingOrganisationsAsync(ReportingPeriod period, CancellationToken ct) =>
        await db.Set<IndicatorTrack>()
            .Where(t => t.PlanId == period.PlanId && t.OrganisationId != null)
            .Where(t => !db.Set<IndicatorValue>().Any(v => v.TrackId == t.Id && v.Period == period.Key))
            .Select(t => t.OrganisationId!.Value).Distinct().ToListAsync(ct);

    private Task<bool> UnassignedMissingAsync(ReportingPeriod period, CancellationToken ct) =>
        db.Set<IndicatorTrack>().Where(t => t.PlanId == period.PlanId)
            .AnyAsync(t => !db.Set<IndicatorValue>().Any(v => v.TrackId == t.Id && v.Period == period.Key), ct);

    private async Task<IReadOnlyList<EmailAddress>> MembersAsync(System.Linq.Expressions.Expression<Func<TenantMembership, bool>> who, CancellationToken ct)
    {
        var userIds = await db.Set<TenantMembership>().Where(m => m.IsActive).Where(who).Select(m => m.UserId).ToListAsync(ct);
        return await db.Users.Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new EmailAddress(u.Email!, u.DisplayName)).ToListAsync(ct);
    }
}
