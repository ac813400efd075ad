using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Staff add a plan from a file: the spreadsheet of the export (the seven columns of the regions' tables) or the
/// import format (JSON). An invalid file stores nothing, and the page lists every error with its sheet!cell or JSON path.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
[RequestSizeLimit(PlanImport.MaxBytes + 64 * 1024)] // the file and the form around it; a larger file is refused below
[RequestFormLimits(MultipartBodyLengthLimit = PlanImport.MaxBytes + 64 * 1024)]
public sealed class ImportPlanModel(PlanImport import, IStringLocalizer<SharedResource> l, IStringLocalizer<FileCheckText> jsonText) : PageModel
{
    [BindProperty] public IFormFile? PlanFile { get; set; }
    [BindProperty] public string Kind { get; set; } = "annual";

    /// <summary>The file's errors (place, message in the interface's language) when it was refused; nothing was stored.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FileErrors { get; private set; } = [];
    public string? RefusedFile { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (PlanFile is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(PlanFile), l["Wybierz plik planu: arkusz XLSX albo dokument JSON."]);
            return Page();
        }
        if (file.Length > PlanImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(PlanFile), l["Plik „{0}” jest większy niż 5 MB.", file.FileName]);
            return Page();
        }
        if (PlanImport.SpreadsheetKind(Kind) is not { } kind)
        {
            ModelState.AddModelError(nameof(Kind), l["Wybierz rodzaj planu."]);
            return Page();
        }
        PlanImport.Outcome outcome;
        IStringLocalizer text = l; // a spreadsheet's messages are Polish keys, a JSON document's English ones
        await using (var stream = file.OpenReadStream())
        {
            switch (Path.GetExtension(file.FileName).ToLowerInvariant())
            {
                case ".xlsx": outcome = await import.SpreadsheetAsync(stream, kind, ct); break;
                case ".json": outcome = await import.JsonAsync(stream, file.FileName, ct); text = jsonText; break;
                default:
                    ModelState.AddModelError(nameof(PlanFile), l["Plik „{0}” nie jest arkuszem XLSX ani dokumentem JSON.", file.FileName]);
                    return Page();
            }
        }
        if (outcome.Plan is null)
        {
            RefusedFile = file.FileName;
            FileErrors = outcome.Problems.Select(p => KeyValuePair.Create(p.Where, p.In(text))).ToList();
            return Page();
        }
        return Redirect($"{Request.PathBase}/plany/{outcome.Plan.Id}");
    }
}
