using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Committees;

/// <summary>A committee: mandate, plan priorities, members by term, resolutions. The secretariat adds seats (and changes or
/// ends them on <see cref="EditMemberModel"/>) and records resolutions.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class CommitteeDetailsModel(EsRegionsDbContext db, CommitteeRegister register, TimeProvider clock, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ResolutionInput
    {
        [Range(1, 10000, ErrorMessage = "Numer musi być liczbą dodatnią.")] [Display(Name = "Numer")]
        public int Number { get; set; } = 1;
        [Required(ErrorMessage = "Podaj datę podjęcia uchwały.")] [Display(Name = "Data podjęcia")]
        public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Podaj tytuł uchwały.")] [StringLength(1000)] [Display(Name = "Tytuł")]
        public string Title { get; set; } = "";
        [Url(ErrorMessage = "Podaj pełny adres dokumentu (https://…).")] [Display(Name = "Dokument (adres)")]
        public string? Document { get; set; }
    }

    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public ResolutionInput NewResolution { get; set; } = new();
    public Committee Committee { get; private set; } = null!;
    public string? ParentName { get; private set; }
    public IReadOnlyList<CommitteeMember> Members { get; private set; } = [];
    public IReadOnlyList<Resolution> Resolutions { get; private set; } = [];
    public Dictionary<string, (Guid PlanId, string Title)> Priorities { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Member.TermFrom = Today;
        NewResolution = new ResolutionInput { Number = await register.NextResolutionNumberAsync(id, Today.Year, ct), Date = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostMemberAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        OnlyValidate(nameof(Member));
        if (Member.TermFrom is { } from && Member.TermTo is { } to && to < from)
            ModelState.AddModelError("Member.TermTo", "Koniec kadencji nie może być przed jej początkiem.");
        if (!ModelState.IsValid) return Page();
        await register.AddMemberAsync(Committee, new CommitteeMember(id, Member.FullName, Member.Email, Member.Institution, Member.Seat,
            Member.Role, Member.TermFrom!.Value, Member.TermTo), ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/komitety/{id}#sklad");
    }

    public async Task<IActionResult> OnPostResolutionAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        OnlyValidate(nameof(NewResolution));
        if (NewResolution.Date is { } date && Resolutions.Any(r => r.Year == date.Year && r.Number == NewResolution.Number))
            ModelState.AddModelError("NewResolution.Number", l["Uchwała nr {0}/{1} jest już w rejestrze.", NewResolution.Number, date.Year]);
        if (!ModelState.IsValid) return Page();
        await register.AddResolutionAsync(new Resolution(id, NewResolution.Number, NewResolution.Date!.Value, NewResolution.Title, NewResolution.Document), ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/komitety/{id}#uchwaly");
    }

    /// <summary>A new secret address of the member's private calendar feed, shown once (an older address stops working).</summary>
    public async Task<IActionResult> OnPostFeedAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var member = Members.FirstOrDefault(m => m.Id == memberId);
        if (member is null) return NotFound();
        var token = FeedToken.New(out var hash);
        member.SetFeedToken(hash);
        await db.SaveChangesAsync(ct);
        FeedFor = member.FullName;
        FeedUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/calendar/{token}.ics";
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public string? FeedUrl { get; private set; }
    public string? FeedFor { get; private set; }

    /// <summary>Each form posts one of the page's inputs: the other one's (empty) fields are not this request's errors.</summary>
    private void OnlyValidate(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".")).ToList()) ModelState.Remove(key);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Committee = (await db.Set<Committee>().FirstOrDefaultAsync(c => c.Id == id, ct))!;
        if (Committee is null) return false;
        Today = CommitteesApi.Today(clock);
        ParentName = Committee.ParentId is { } p ? await db.Set<Committee>().Where(c => c.Id == p).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        Members = await db.Set<CommitteeMember>().Where(m => m.CommitteeId == id).OrderBy(m => m.Role).ThenBy(m => m.FullName).ToListAsync(ct);
        Resolutions = await db.Set<Resolution>().Where(r => r.CommitteeId == id).OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ToListAsync(ct);
        var codes = Committee.PlanPriorities;
        if (codes.Count > 0)
            Priorities = (await db.Set<PlanNode>().Where(n => codes.Contains(n.Code)).Select(n => new { n.Code, n.PlanId, n.Title }).ToListAsync(ct))
                .GroupBy(n => n.Code).ToDictionary(g => g.Key, g => (g.First().PlanId, g.First().Title));
        CanManage = (await authorization.AuthorizeAsync(User, Policies.CommitteeSecretariat)).Succeeded;
        return true;
    }
}
