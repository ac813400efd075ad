using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>After the meeting the secretariat records who attended and the minutes (protokół); this stops the "minutes missing" reminder.</summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class MinutesModel(EsRegionsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public List<Guid> Present { get; set; } = [];
    [BindProperty, StringLength(50000), Display(Name = "Protokół")] public string? Text { get; set; }
    [BindProperty, Url(ErrorMessage = "Podaj pełny adres (https://…)."), Display(Name = "Protokół — adres dokumentu")] public string? DocumentUrl { get; set; }
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];
    public bool NotYet => clock.GetUtcNow() < Meeting.Start;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Present = Invitations.Where(i => i.Attended ?? i.Status == RsvpStatus.Accepted).Select(i => i.Id).ToList();
        (Text, DocumentUrl) = (Meeting.Minutes, Meeting.MinutesUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(DocumentUrl))
            ModelState.AddModelError(nameof(Text), "Wpisz treść protokołu albo podaj adres dokumentu.");
        if (NotYet) ModelState.AddModelError(string.Empty, "Obecność i protokół można zapisać dopiero po rozpoczęciu spotkania.");
        if (!ModelState.IsValid) return Page();
        foreach (var i in Invitations) i.RecordAttendance(Present.Contains(i.Id));
        Meeting.RecordMinutes(Text, DocumentUrl, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/kalendarz/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Meeting = (await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct))!;
        if (Meeting is null || Meeting.IsCancelled) return false;
        Invitations = await db.Set<Invitation>().Where(i => i.MeetingId == id).OrderBy(i => i.Name ?? i.Email).ToListAsync(ct);
        return true;
    }
}
