using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>How far the invitations of a consultation have gone out (queued / sent / failed), shown after opening.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class InvitationProgressModel(EsRegionsDbContext db) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public OutboxProgressView Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return NotFound();
        Consultation = c;
        Progress = await OutboxProgress.ViewAsync(db, ConsultationInvitations.KeyPrefix(id), ct);
        return Page();
    }
}
