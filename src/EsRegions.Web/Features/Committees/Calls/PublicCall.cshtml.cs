using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>
/// A call's public page (seed 001): the text, the dates in Polish and, while the call is open and before its deadline,
/// the application form. Anyone may apply; the applicant gets a confirmation e-mail.
/// </summary>
[TenantScoped]
[AllowAnonymous]
[EnableRateLimiting(EmailLinkPages.RateLimitPolicy)]
public sealed class PublicCallModel(EsRegionsDbContext db, MemberCalls calls) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Podaj imię i nazwisko.")] [StringLength(200, ErrorMessage = "Najwyżej 200 znaków.")]
        public string? FullName { get; set; }
        [Required(ErrorMessage = "Podaj adres e-mail.")] [StringLength(254, ErrorMessage = "Najwyżej 254 znaki.")]
        [EmailAddress(ErrorMessage = "Podaj poprawny adres e-mail, np. jan.kowalski@example.pl.")]
        public string? Email { get; set; }
        [Required(ErrorMessage = "Podaj instytucję lub organizację, którą reprezentujesz.")] [StringLength(400, ErrorMessage = "Najwyżej 400 znaków.")]
        public string? Institution { get; set; }
        [Required(ErrorMessage = "Wybierz sektor, który reprezentujesz.")]
        public SeatCategory? Seat { get; set; }
        [Required(ErrorMessage = "Napisz, kogo reprezentujesz i dlaczego chcesz dołączyć.")] [StringLength(4000, ErrorMessage = "Najwyżej 4000 znaków.")]
        public string? Motivation { get; set; }
        public bool RodoConsent { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public MemberCall Call { get; private set; } = null!;
    public string Committee { get; private set; } = "";
    public bool Open { get; private set; }
    public bool Sent { get; private set; }
    public IReadOnlyList<SeatCategory> Seats => Call.Seats.Count > 0 ? Call.Seats : Enum.GetValues<SeatCategory>();

    public async Task<IActionResult> OnGetAsync(Guid id, bool wyslano, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Sent = wyslano;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Open)
        {
            // The deadline passed while the form was open (or someone posts to a closed call): nothing is stored.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (Form.Seat is { } seat && !Call.Allows(seat)) ModelState.AddModelError("Form.Seat", "Ten nabór nie obejmuje wybranego sektora.");
        if (!Form.RodoConsent) ModelState.AddModelError("Form.RodoConsent", "Potwierdź, że znasz informację o przetwarzaniu danych osobowych.");
        if (!ModelState.IsValid) return Page();
        await calls.ApplyAsync(Call, Form.FullName!, Form.Email!, Form.Institution!, Form.Seat!.Value, Form.Motivation!, Form.RodoConsent, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/{MemberCalls.PublicPath(id)}?wyslano=true");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Set<MemberCall>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || !call.IsPublic) return false;
        Call = call;
        Committee = await db.Set<Committee>().Where(c => c.Id == call.CommitteeId).Select(c => c.Name).FirstAsync(ct);
        Open = call.AcceptsApplications(calls.Today);
        return true;
    }
}
