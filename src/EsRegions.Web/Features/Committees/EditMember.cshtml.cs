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

namespace EsRegions.Web.Features.Committees;

/// <summary>
/// The secretariat changes a member's seat (a new address, institution, function or term), records the day the member
/// left (a resignation or recall is often recorded days after it took effect), or takes back an end recorded by mistake.
/// A seat whose person was erased (RODO) is shown but not changed.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class EditMemberModel(EsRegionsDbContext db, CommitteeRegister register, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public MemberInput Member { get; set; } = new();

    [BindProperty]
    [Display(Name = "Data zakończenia członkostwa")]
    public DateOnly? LeftOn { get; set; }

    public Committee Committee { get; private set; } = null!;
    public CommitteeMember Seat { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        Member = MemberInput.From(Seat);
        LeftOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        ModelState.Remove(nameof(LeftOn));
        if (Member.TermFrom is { } from && Member.TermTo is { } to && to < from)
            ModelState.AddModelError("Member.TermTo", l["Koniec kadencji nie może być przed jej początkiem."]);
        if (Seat.LeftOn is { } left && Member.TermFrom is { } start && left < start)
            ModelState.AddModelError("Member.TermFrom", l["Członkostwo zakończono {0}: kadencja nie może zaczynać się później.", UiFormat.Date(left)]);
        else if (Seat.LeftOn is { } ended && Member.TermFrom is not null && Member.TermToOrDefault() < ended)
            ModelState.AddModelError("Member.TermTo", l["Członkostwo zakończono {0}: kadencja nie może skończyć się wcześniej.", UiFormat.Date(ended)]);
        if (!ModelState.IsValid) return Page();
        await register.ChangeMemberAsync(Committee, Seat, Member, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/komitety/{id}#sklad");
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        // A second submission of the form (the end is recorded already) or an erased seat: the page shows why.
        if (Seat.IsErased || Seat.LeftOn is not null) return RedirectToPage(new { id, memberId });
        // Only the date is this form's: the member's fields show as stored.
        ModelState.Clear();
        Member = MemberInput.From(Seat);
        if (LeftOn is not { } on) ModelState.AddModelError(nameof(LeftOn), l["Podaj dzień, w którym członkostwo się zakończyło."]);
        else if (on > Today) ModelState.AddModelError(nameof(LeftOn), l["Członkostwo można zakończyć najpóźniej dziś ({0}).", UiFormat.Date(Today)]);
        else if (on < Seat.TermFrom) ModelState.AddModelError(nameof(LeftOn), l["Kadencja zaczęła się {0}: członkostwo nie mogło skończyć się wcześniej.", UiFormat.Date(Seat.TermFrom)]);
        else if (on > Seat.TermTo) ModelState.AddModelError(nameof(LeftOn), l["Kadencja skończyła się {0}: po tym dniu nie ma czego kończyć.", UiFormat.Date(Seat.TermTo)]);
        if (!ModelState.IsValid) return Page();
        await register.LeaveAsync(Seat, LeftOn!.Value, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/komitety/{id}#sklad");
    }

    public async Task<IActionResult> OnPostUndoLeaveAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        if (!Seat.IsErased && Seat.LeftOn is not null)
        {
            await register.UndoLeaveAsync(Committee, Seat, ct);
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"{Request.PathBase}/komitety/{id}#sklad");
    }

    private async Task<bool> LoadAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        Committee = (await db.Set<Committee>().FirstOrDefaultAsync(c => c.Id == id, ct))!;
        Seat = (await db.Set<CommitteeMember>().FirstOrDefaultAsync(m => m.Id == memberId && m.CommitteeId == id, ct))!;
        Today = CommitteesApi.Today(clock);
        return Committee is not null && Seat is not null;
    }
}
