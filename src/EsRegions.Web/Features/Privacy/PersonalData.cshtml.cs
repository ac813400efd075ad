using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Privacy;

/// <summary>
/// The region administrator's RODO page: find a person by e-mail address (a POST, so the address stays out of URLs
/// and logs), see how many records each module holds, download them as JSON, erase them with a reason and an explicit
/// confirmation, and the list of past erasures.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class PersonalDataModel(PersonalDataService privacy, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>What the region holds about the person searched for (null before a search).</summary>
    public PersonalDataExport? Preview { get; private set; }

    /// <summary>Earlier erasures of the searched address (matched by its hash).</summary>
    public IReadOnlyList<PersonalDataErasure> PriorErasures { get; private set; } = [];

    public IReadOnlyList<PersonalDataErasure> Erasures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        if (Validate(reason: false)) await PreviewAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        if (!Validate(reason: false))
        {
            await LoadAsync(ct);
            return Page();
        }
        var export = await privacy.ExportAsync(new PersonRef(Email!), ct);
        Response.Headers.CacheControl = "no-store";
        return File(privacy.ToJson(export), "application/json; charset=utf-8", $"dane-osobowe-{export.Tenant}-{export.ExportedAt:yyyyMMdd-HHmm}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        var valid = Validate(reason: true);
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), localizer["Zaznacz potwierdzenie: usunięcia danych nie można cofnąć."]);
            valid = false;
        }
        if (valid)
        {
            try
            {
                var result = await privacy.EraseAsync(new PersonRef(Email!), Reason!, ct);
                return RedirectToPage("ErasureResult", new { id = result.Id });
            }
            catch (ConflictException ex)
            {
                ModelState.AddModelError(string.Empty, ex.In(localizer));
            }
        }
        if (ModelState[nameof(Email)]?.Errors.Count is null or 0) await PreviewAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private bool Validate(bool reason)
    {
        var errors = PrivacyValidation.Email(Email, nameof(Email));
        if (reason) foreach (var (key, value) in PrivacyValidation.Reason(Reason, nameof(Reason))) errors[key] = value;
        foreach (var (key, messages) in errors)
            foreach (var message in messages) ModelState.AddModelError(key, localizer[message]);
        return errors.Count == 0;
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        var person = new PersonRef(Email!);
        Preview = await privacy.ExportAsync(person, ct);
        PriorErasures = await privacy.ErasuresAsync(person, 20, ct);
    }

    private async Task LoadAsync(CancellationToken ct) => Erasures = await privacy.ErasuresAsync(null, 100, ct);

    /// <summary>The Polish name of a section (the module's source name); an unknown source shows its own name.</summary>
    public static string SectionLabel(string name) => name switch
    {
        "account" => "Konto użytkownika i rola w regionie",
        "committeeMembers" => "Członkostwo w komitetach i grupach",
        "meetingInvitations" => "Zaproszenia na spotkania i odpowiedzi",
        "emails" => "Wiadomości e-mail",
        "consultationParticipants" => "Udział w konsultacjach i uwagi",
        "callApplications" => "Zgłoszenia do komitetów i grup",
        "monitoring" => "Monitoring (wprowadzone wartości)",
        _ => name,
    };
}
