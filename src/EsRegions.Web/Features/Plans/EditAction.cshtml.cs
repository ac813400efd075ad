using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>Staff edit an action. Editing an adopted plan opens its next version as a draft; the adopted one stays frozen.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class EditActionModel(EsRegionsDbContext db) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Podaj nazwę działania.")]
        [StringLength(2000, ErrorMessage = "Nazwa może mieć najwyżej {1} znaków.")]
        [Display(Name = "Nazwa działania")]
        public string Name { get; set; } = "";

        [Display(Name = "Szczegółowy opis")] public string? Description { get; set; }
        [Display(Name = "Produkt")] public string? Product { get; set; }

        [Required(ErrorMessage = "Podaj termin realizacji, np. „II-IV kwartał 2024”.")]
        [Display(Name = "Termin realizacji")]
        public string Timeframe { get; set; } = "";

        [Required(ErrorMessage = "Podaj co najmniej jednego realizatora.")]
        [Display(Name = "Realizatorzy (jeden w wierszu)")]
        public string Implementers { get; set; } = "";

        [Display(Name = "Koordynator")] public string? Coordinator { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public Plan Plan { get; private set; } = null!;
    public PlanAction Action { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, actionId, ct)) return NotFound();
        Form = new Input
        {
            Name = Action.Name, Description = Action.Description, Product = Action.Product, Timeframe = Action.Timeframe.Text,
            Implementers = string.Join("\n", Action.Implementers), Coordinator = Action.Coordinator,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, actionId, ct)) return NotFound();
        if (Plan.Status == PlanStatus.Archived) ModelState.AddModelError(string.Empty, "Plan archiwalny nie może się zmieniać.");
        var timeframe = TimeframeText.Parse(Form.Timeframe ?? "", Plan.YearFrom);
        if (!string.IsNullOrWhiteSpace(Form.Timeframe) && timeframe.From is null)
            ModelState.AddModelError("Form.Timeframe", "Nie rozpoznano okresu: zapisz go np. „II-IV kwartał 2024”, „I kw.” albo „Cały rok 2024”.");
        if (!ModelState.IsValid) return Page();
        if (Plan.Status == PlanStatus.Adopted) Plan.Revise(Plan.Title, Plan.Kind, Plan.YearFrom, Plan.YearTo, Plan.Source, Plan.Notes);
        Action.Edit(Form.Name, Form.Description ?? "", Form.Product ?? "", timeframe,
            Form.Implementers.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Form.Coordinator);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/plany/{planId}#a-{actionId}");
    }

    private async Task<bool> LoadAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        Plan = (await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == planId, ct))!;
        Action = (await db.Set<PlanAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId, ct))!;
        return Plan is not null && Action is not null;
    }
}
