using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

/// <summary>Staff add an action under an intervention direction; indicators and budget follow in the action editor.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class NewActionModel(EsRegionsDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty] public EditActionModel.Input Form { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "kierunek")] public Guid? Kierunek { get; set; }
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Label)> Directions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        Form.NodeId = Kierunek is { } k && Directions.Any(d => d.Id == k) ? k : Directions.FirstOrDefault().Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        if (Plan.Status == PlanStatus.Archived) ModelState.AddModelError(string.Empty, "Plan archiwalny nie może się zmieniać.");
        var timeframe = TimeframeText.Parse(Form.Timeframe ?? "", Plan.YearFrom);
        if (!string.IsNullOrWhiteSpace(Form.Timeframe) && timeframe.From is null)
            ModelState.AddModelError("Form.Timeframe", "Nie rozpoznano okresu: zapisz go np. „II-IV kwartał 2024”, „I kw.” albo „Cały rok 2024”.");
        if (Directions.All(d => d.Id != Form.NodeId)) ModelState.AddModelError("Form.NodeId", "Wybierz kierunek interwencji tego planu.");
        if (!ModelState.IsValid) return Page();

        if (Plan.Status == PlanStatus.Adopted) Plan.Revise(Plan.Title, Plan.Kind, Plan.YearFrom, Plan.YearTo, Plan.Source, Plan.Notes);
        var position = await db.Set<PlanAction>().CountAsync(a => a.NodeId == Form.NodeId, ct);
        var action = new PlanAction(planId, Form.NodeId, position, Form.Code.Trim(), Form.Name.Trim(), Form.Description?.Trim() ?? "",
            Form.Product?.Trim() ?? "", [], timeframe, Form.Implementers.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            string.IsNullOrWhiteSpace(Form.Coordinator) ? null : Form.Coordinator.Trim(), []);
        db.Add(action);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/plany/{planId}/dzialania/{action.Id}/edycja");
    }

    private async Task<bool> LoadAsync(Guid planId, CancellationToken ct)
    {
        Plan = (await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == planId, ct))!;
        if (Plan is null) return false;
        Directions = await ActionPlaces.DirectionsAsync(db, tenant, planId, ct);
        return true;
    }
}
