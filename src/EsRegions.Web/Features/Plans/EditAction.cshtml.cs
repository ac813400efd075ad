using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Staff edit an action: every field, its number, its place in the plan, its indicators and budget lines, or delete
/// it. Editing an adopted plan opens its next version as a draft; the adopted one stays frozen. Where implementers have
/// reported values for the action's indicators, the page says so, and deleting the action needs a confirmation: the
/// values stay stored but no longer show in monitoring.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class EditActionModel(EsRegionsDbContext db, TenantContext tenant, IEnumerable<IReportedValues> reportedValues,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Podaj numer działania, np. „1”.")]
        [StringLength(40, ErrorMessage = "Numer może mieć najwyżej {1} znaków.")]
        [Display(Name = "Numer działania")]
        public string Code { get; set; } = "";

        [Display(Name = "Kierunek interwencji")] public Guid NodeId { get; set; }

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

        public List<IndicatorInput> Indicators { get; set; } = [];
        public List<BudgetInput> Budget { get; set; } = [];
    }

    [BindProperty] public Input Form { get; set; } = new();
    public Plan Plan { get; private set; } = null!;
    public PlanAction Action { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Label)> Directions { get; private set; } = [];

    /// <summary>The action's indicators as stored, in order (read once per request: the form, the counts, saving, deleting).</summary>
    private List<Indicator> Indicators { get; set; } = [];

    /// <summary>Reported values per indicator of this action (indicators without one are absent).</summary>
    public IReadOnlyDictionary<Guid, int> Reported { get; private set; } = new Dictionary<Guid, int>();
    public int ReportedTotal => Reported.Values.Sum();

    /// <summary>Deleting an action whose indicators have reported values must be confirmed.</summary>
    [BindProperty]
    [Display(Name = "Usuwam działanie mimo przekazanych wartości")]
    public bool DeleteDespiteValues { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, actionId, ct)) return NotFound();
        FillForm();
        return Page();
    }

    private void FillForm()
    {
        Form = new Input
        {
            Code = Action.Code, NodeId = Action.NodeId, Name = Action.Name, Description = Action.Description, Product = Action.Product,
            Timeframe = Action.Timeframe.Text, Implementers = string.Join("\n", Action.Implementers), Coordinator = Action.Coordinator,
            Indicators = [.. Indicators.Select(i => new IndicatorInput
            {
                Id = i.Id, Name = i.Name, Kind = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(i.TargetKind.ToString()),
                Value = ActionRows.Format(i.TargetValue), Unit = i.TargetUnit, Text = i.TargetText, Baseline = i.Baseline, CatalogueCode = i.CatalogueCode,
            }), new IndicatorInput()],
            Budget = [.. Action.Budget.Select(b => new BudgetInput { Amount = ActionRows.Format(b.Amount), Source = b.Source, Text = b.Text }), new BudgetInput()],
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, actionId, ct)) return NotFound();
        if (Plan.Status == PlanStatus.Archived) ModelState.AddModelError(string.Empty, "Plan archiwalny nie może się zmieniać.");
        var timeframe = TimeframeText.Parse(Form.Timeframe ?? "", Plan.YearFrom);
        if (!string.IsNullOrWhiteSpace(Form.Timeframe) && timeframe.From is null)
            ModelState.AddModelError("Form.Timeframe", "Nie rozpoznano okresu: zapisz go np. „II-IV kwartał 2024”, „I kw.” albo „Cały rok 2024”.");
        if (Directions.All(d => d.Id != Form.NodeId)) ModelState.AddModelError("Form.NodeId", "Wybierz kierunek interwencji tego planu.");
        var indicators = ActionRows.Indicators(Form.Indicators, ModelState);
        var budget = ActionRows.Budget(Form.Budget, ModelState);
        if (!ModelState.IsValid) return Page();

        if (Plan.Status == PlanStatus.Adopted) Plan.Revise(Plan.Title, Plan.Kind, Plan.YearFrom, Plan.YearTo, Plan.Source, Plan.Notes);
        Action.Edit(Form.Name, Form.Description ?? "", Form.Product ?? "", timeframe,
            Form.Implementers.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Form.Coordinator);
        Action.Renumber(Form.Code);
        if (Form.NodeId != Action.NodeId)
            Action.MoveTo(Form.NodeId, await db.Set<PlanAction>().CountAsync(a => a.NodeId == Form.NodeId, ct));
        Action.SetBudget(budget);
        SaveIndicators(indicators);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/plany/{planId}#a-{actionId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, actionId, ct)) return NotFound();
        if (Plan.Status == PlanStatus.Archived)
        {
            // As the edit handler says it (in the interface's language), not the API's English conflict.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Plan archiwalny nie może się zmieniać.");
            FillForm();
            return Page();
        }
        if (ReportedTotal > 0 && !DeleteDespiteValues)
        {
            // The edit form was not sent with this handler: show it as stored, with only this error.
            ModelState.Clear();
            ModelState.AddModelError(nameof(DeleteDespiteValues),
                l["Wskaźniki tego działania mają przekazane wartości ({0}). Zaznacz, że usuwasz działanie mimo to.", ReportedTotal]);
            FillForm();
            return Page();
        }
        if (Plan.Status == PlanStatus.Adopted) Plan.Revise(Plan.Title, Plan.Kind, Plan.YearFrom, Plan.YearTo, Plan.Source, Plan.Notes);
        db.RemoveRange(Indicators);
        db.Remove(Action);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/plany/{planId}");
    }

    /// <summary>Indicators keep their ids (reported values point at them): changed in place, removed, or added.</summary>
    private void SaveIndicators(List<IndicatorDocument?> rows)
    {
        var existing = Indicators.ToDictionary(i => i.Id);
        var position = 0;
        for (var i = 0; i < Form.Indicators.Count; i++)
        {
            var id = Form.Indicators[i].Id;
            var current = id is { } known && existing.TryGetValue(known, out var found) ? found : null;
            if (rows[i] is not { } d)
            {
                if (current is not null && Form.Indicators[i].Remove) db.Remove(current);
                continue;
            }
            if (current is null) db.Add(new Indicator(Action.Id, position, d.Name, d.Kind, d.Value, d.Unit, d.Text, d.Baseline, d.CatalogueCode));
            else current.Change(position, d.Name, d.Kind, d.Value, d.Unit, d.Text, d.Baseline, d.CatalogueCode);
            position++;
        }
    }

    private async Task<bool> LoadAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        Plan = (await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == planId, ct))!;
        Action = (await db.Set<PlanAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId, ct))!;
        if (Plan is null || Action is null) return false;
        Directions = await ActionPlaces.DirectionsAsync(db, tenant, planId, ct);
        Indicators = await db.Set<Indicator>().Where(i => i.ActionId == actionId).OrderBy(i => i.Position).ToListAsync(ct);
        if (reportedValues.FirstOrDefault() is { } source)
            Reported = await source.CountAsync(planId, [.. Indicators.Select(i => i.Id)], ct);
        return true;
    }
}
