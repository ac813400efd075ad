using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// The public link of a consultation: anyone gives name, e-mail and organisation and gets a personal reply link by
/// e-mail (which also proves the address is theirs). The answer is the same whether the address was known or not.
/// </summary>
[TenantScoped]
[AllowAnonymous]
[EmailLinkPage]
[EnableRateLimiting(EmailLinkPages.RateLimitPolicy)]
public sealed class PublicFormModel(EsRegionsDbContext db, ConsultationParticipants participants, ConsultationInvitations invitations,
    TimeProvider clock) : PageModel
{
    public const string Source = "public";

    public bool Invalid { get; private set; }
    public bool Sent { get; private set; }
    public Consultation Consultation { get; private set; } = null!;
    public bool Open { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Organisation { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, bool wyslano, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return InvalidLink();
        Sent = wyslano;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return InvalidLink();
        if (!Open) return Page();
        var candidate = new ParticipantCandidate(Name ?? "", Email ?? "", Organisation);
        if (string.IsNullOrWhiteSpace(Name)) Errors[nameof(Name)] = "Podaj imię i nazwisko.";
        if (string.IsNullOrWhiteSpace(Email)) Errors[nameof(Email)] = "Podaj adres e-mail.";
        else if (!ParticipantRules.IsEmail(Email.Trim())) Errors[nameof(Email)] = "Podaj poprawny adres e-mail, np. jan.kowalski@example.pl.";
        if (Name?.Trim().Length > 200) Errors[nameof(Name)] = "Imię i nazwisko może mieć najwyżej 200 znaków.";
        if (Organisation?.Trim().Length > 300) Errors[nameof(Organisation)] = "Nazwa organizacji może mieć najwyżej 300 znaków.";
        if (Errors.Count > 0) return Page();

        var email = candidate.Email.Trim().ToLowerInvariant();
        var known = await db.Set<ConsultationParticipant>()
            .FirstOrDefaultAsync(p => p.ConsultationId == Consultation.Id && p.Email.ToLower() == email, ct);
        // Known address: one more personal link, to that address only. Someone staff removed gets nothing.
        // The page says the same in every case, so it tells nobody who takes part.
        if (known is null) await participants.AddAsync(Consultation, [candidate], Source, ct);
        else if (known.Active) await invitations.InviteAsync(Consultation, known, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/{ConsultationPaths.PublicForm(key)}?wyslano=true");
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64) return false;
        var c = await db.Set<Consultation>().FirstOrDefaultAsync(x => x.PublicKey == key, ct);
        if (c is null || c.Phase == ConsultationPhase.Draft) return false;
        Consultation = c;
        Open = c.AcceptsReplies(clock.GetUtcNow());
        return true;
    }

    private PageResult InvalidLink()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
