using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>The secretariat writes a call (target body, text, dates, seats) or edits one that is not decided yet.</summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class EditCallModel(EsRegionsDbContext db, MemberCalls calls) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Wybierz komitet lub zespół.")] public Guid? CommitteeId { get; set; }
        [Required(ErrorMessage = "Podaj tytuł naboru.")] [StringLength(1000, ErrorMessage = "Najwyżej 1000 znaków.")] public string? Title { get; set; }
        [Required(ErrorMessage = "Wpisz treść ogłoszenia.")] [StringLength(20000, ErrorMessage = "Najwyżej 20000 znaków.")] public string? Text { get; set; }
        [Required(ErrorMessage = "Podaj termin zgłoszeń.")] public DateOnly? ApplicationDeadline { get; set; }
        public DateOnly? ConfirmationBy { get; set; }
        public List<SeatCategory> Seats { get; set; } = [];
    }

    [BindProperty] public Input Form { get; set; } = new();
    public MemberCall? Existing { get; private set; }
    public IReadOnlyList<Committee> Committees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Existing is { } c)
            Form = new Input { CommitteeId = c.CommitteeId, Title = c.Title, Text = c.Text, ApplicationDeadline = c.ApplicationDeadline, ConfirmationBy = c.ConfirmationBy, Seats = c.Seats };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Existing?.Status == CallStatus.Decided) ModelState.AddModelError(string.Empty, "Rozstrzygniętego naboru nie można już zmieniać.");
        if (Form.CommitteeId is { } cid && Committees.All(c => c.Id != cid)) ModelState.AddModelError("Form.CommitteeId", "Wybierz komitet lub zespół z listy.");
        if (Form.ApplicationDeadline is { } d && !CallsApi.Plausible(d)) ModelState.AddModelError("Form.ApplicationDeadline", "Podaj datę z lat 2000–2100.");
        if (Form.ConfirmationBy is { } by && !CallsApi.Plausible(by)) ModelState.AddModelError("Form.ConfirmationBy", "Podaj datę z lat 2000–2100.");
        else if (Form.ConfirmationBy is { } b && Form.ApplicationDeadline is { } dl && b < dl)
            ModelState.AddModelError("Form.ConfirmationBy", "Termin potwierdzenia udziału nie może być przed terminem zgłoszeń.");
        if (!ModelState.IsValid) return Page();
        var call = Existing;
        if (call is null)
        {
            call = new MemberCall(Form.CommitteeId!.Value, Form.Title!, Form.Text!, Form.ApplicationDeadline!.Value, Form.ConfirmationBy, Form.Seats);
            db.Add(call);
        }
        else call.Edit(Form.CommitteeId!.Value, Form.Title!, Form.Text!, Form.ApplicationDeadline!.Value, Form.ConfirmationBy, Form.Seats);
        await calls.ScheduleRemindersAsync(call, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/{MemberCalls.StaffPath(call.Id)}");
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        Committees = await db.Set<Committee>().OrderBy(c => c.ParentId != null).ThenBy(c => c.Name).ToListAsync(ct);
        if (id is null) return true;
        Existing = await db.Set<MemberCall>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return Existing is not null;
    }
}
