using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees;

/// <summary>The secretariat creates a working group / expert team or edits a body's name, kind, parent, mandate and plan priorities.</summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class EditCommitteeModel(EsRegionsDbContext db) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Podaj nazwę.")] [StringLength(400)] [Display(Name = "Nazwa")]
        public string Name { get; set; } = "";
        [StringLength(80)] [Display(Name = "Skrót")] public string? ShortName { get; set; }
        [Display(Name = "Rodzaj")] public CommitteeKind Kind { get; set; } = CommitteeKind.WorkingGroup;
        [Display(Name = "Jednostka nadrzędna")] public Guid? ParentId { get; set; }
        [StringLength(8000)] [Display(Name = "Zakres działania")] public string? Mandate { get; set; }
        [Display(Name = "Priorytety planu (kody, np. I.1, II.1)")] public string? PlanPriorities { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public Committee? Existing { get; private set; }
    public IReadOnlyList<Committee> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Existing is { } c)
            Form = new Input { Name = c.Name, ShortName = c.ShortName, Kind = c.Kind, ParentId = c.ParentId, Mandate = c.Mandate, PlanPriorities = string.Join(", ", c.PlanPriorities) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Form.ParentId is { } parent && (parent == id || Others.All(o => o.Id != parent)))
            ModelState.AddModelError("Form.ParentId", "Wybierz inny komitet lub zespół jako nadrzędny.");
        if (!ModelState.IsValid) return Page();
        var priorities = (Form.PlanPriorities ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var committee = Existing;
        if (committee is null)
        {
            committee = new Committee(null, Form.Name, Form.ShortName, Form.Kind, Form.ParentId, Form.Mandate ?? "", priorities, null);
            db.Add(committee);
        }
        else committee.Edit(Form.Name, Form.ShortName, Form.Kind, Form.ParentId, Form.Mandate ?? "", priorities);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/komitety/{committee.Id}");
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        Others = await db.Set<Committee>().Where(c => c.Id != id).OrderBy(c => c.Name).ToListAsync(ct);
        if (id is null) return true;
        Existing = await db.Set<Committee>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return Existing is not null;
    }
}
