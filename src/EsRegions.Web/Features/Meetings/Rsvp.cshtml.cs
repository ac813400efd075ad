using Microsoft.AspNetCore.RateLimiting;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// The personal RSVP page from the invitation e-mail. Opening it (GET) shows the meeting and the current answer and
/// changes nothing, since mail scanners open links; the person answers with a POST, and may change it until the start.
/// </summary>
[TenantScoped]
[AllowAnonymous]
[EmailLinkPage]
[EnableRateLimiting(EmailLinkPages.RateLimitPolicy)]
public sealed class RsvpModel(EsRegionsDbContext db, EmailLinks links, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public RsvpStatus Answer { get; set; }
    [BindProperty] public string? Substitute { get; set; }
    public bool Invalid { get; private set; }
    public Meeting Meeting { get; private set; } = null!;
    public Invitation Invitation { get; private set; } = null!;
    public bool Saved { get; private set; }
    public string? Problem { get; private set; }
    public bool Closed => Meeting.IsCancelled || clock.GetUtcNow() >= Meeting.Start;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is null) return InvalidLink();
        Answer = Invitation.Status;
        Substitute = Invitation.Substitute;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var link = await LoadAsync(token, ct);
        if (link is null) return InvalidLink();
        if (Answer == RsvpStatus.Pending) { ModelState.AddModelError(nameof(Answer), "Wybierz odpowiedź."); return Page(); }
        if (Substitute?.Length > 200) { ModelState.AddModelError(nameof(Substitute), "Najwyżej 200 znaków."); return Page(); }
        try
        {
            Invitation.Respond(Meeting, Answer, Substitute, clock.GetUtcNow());
        }
        catch (MeetingRuleException ex)
        {
            Problem = ex.In(l);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        link.MarkUsed(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Saved = true;
        Substitute = Invitation.Substitute;
        return Page();
    }

    private IActionResult InvalidLink()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<EmailLink?> LoadAsync(string token, CancellationToken ct)
    {
        var link = await links.ResolveAsync(MeetingInvitations.RsvpPurpose, token, ct);
        if (link is null) return null;
        Invitation = (await db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == link.SubjectId, ct))!;
        if (Invitation is null) return null;
        Meeting = await db.Set<Meeting>().FirstAsync(m => m.Id == Invitation.MeetingId, ct);
        return link;
    }
}
