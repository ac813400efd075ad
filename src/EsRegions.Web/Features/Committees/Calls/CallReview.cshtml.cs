using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>
/// A call for the secretariat: open, close or mark it decided; accept each application into the committee (a seat with
/// a 3-year term from the decision, or the dates given) or reject it with a note. Every decision e-mails the applicant.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class CallReviewModel(EsRegionsDbContext db, MemberCalls calls, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class DecisionInput
    {
        public MemberRole Role { get; set; } = MemberRole.Member;
        public DateOnly? TermFrom { get; set; }
        public DateOnly? TermTo { get; set; }
        [StringLength(2000, ErrorMessage = "Najwyżej 2000 znaków.")] public string? Note { get; set; }
    }

    [BindProperty] public DecisionInput Decision { get; set; } = new();
    public MemberCall Call { get; private set; } = null!;
    public string Committee { get; private set; } = "";
    public IReadOnlyList<CallApplication> Applications { get; private set; } = [];
    /// <summary>The application whose decision form has errors (shown open).</summary>
    public Guid? Failed { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => ChangeAsync(id, () => calls.OpenAsync(Call, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ChangeAsync(id, () => calls.CloseAsync(Call, ct), ct);

    public Task<IActionResult> OnPostDecidedAsync(Guid id, CancellationToken ct) => ChangeAsync(id, () => calls.MarkDecidedAsync(Call, ct), ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var application = Applications.FirstOrDefault(a => a.Id == applicationId);
        if (application is null) return NotFound();
        if (Decision.TermFrom is { } f && !CallsApi.Plausible(f)) ModelState.AddModelError("Decision.TermFrom", "Podaj datę z lat 2000–2100.");
        if (Decision.TermTo is { } t && !CallsApi.Plausible(t)) ModelState.AddModelError("Decision.TermTo", "Podaj datę z lat 2000–2100.");
        else if (Decision.TermTo is { } to && to < (Decision.TermFrom ?? calls.Today))
            ModelState.AddModelError("Decision.TermTo", "Koniec kadencji nie może być przed jej początkiem.");
        if (!ModelState.IsValid) { Failed = applicationId; return Page(); }
        return await ChangeAsync(id, () => calls.AcceptAsync(Call, application, new SeatDecision(Decision.Role, Decision.TermFrom, Decision.TermTo),
            Decision.Note, User.Identity?.Name, ct), ct, loaded: true);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var application = Applications.FirstOrDefault(a => a.Id == applicationId);
        if (application is null) return NotFound();
        if (!ModelState.IsValid) { Failed = applicationId; return Page(); }
        return await ChangeAsync(id, () => calls.RejectAsync(Call, application, Decision.Note, User.Identity?.Name, ct), ct, loaded: true);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, CancellationToken ct, bool loaded = false)
    {
        if (!loaded && !await LoadAsync(id, ct)) return NotFound();
        try
        {
            await change();
        }
        catch (ConflictException ex)
        {
            Problem = ex.In(l);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/{MemberCalls.StaffPath(id)}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Call = (await db.Set<MemberCall>().FirstOrDefaultAsync(c => c.Id == id, ct))!;
        if (Call is null) return false;
        Committee = await db.Set<Committee>().Where(c => c.Id == Call.CommitteeId).Select(c => c.Name).FirstAsync(ct);
        Applications = await db.Set<CallApplication>().Where(a => a.CallId == id).OrderBy(a => a.SubmittedAt).ToListAsync(ct);
        return true;
    }
}
