using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// Staff start a consultation of a plan (its current version) or of material pasted as sections: a line starting with
/// "# " begins a section. Dates are Warsaw calendar days; warnings (35 days, moved deadline) show on the next page.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class NewConsultationModel(EsRegionsDbContext db, ConsultationDrafts drafts, ConsultationPublicLink publicLink) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Podaj tytuł konsultacji.")]
        [StringLength(500, ErrorMessage = "Tytuł może mieć najwyżej {1} znaków.")]
        public string Title { get; set; } = "";

        public Guid? PlanId { get; set; }
        public string? Material { get; set; }

        [Required(ErrorMessage = "Podaj datę rozpoczęcia.")] public DateOnly? OpensOn { get; set; }
        [Required(ErrorMessage = "Podaj datę zakończenia.")] public DateOnly? ClosesOn { get; set; }
        public bool Programme { get; set; } = true;
        public bool PublicLink { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    /// <summary>From a plan's state page: <paramref name="plan"/> is chosen (when it is one of the plans offered).</summary>
    public async Task OnGetAsync(Guid? plan, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Plans.Any(p => p.Id == plan)) Form.PlanId = plan;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sections = MaterialText.Sections(Form.Material);
        if (Form.PlanId is null && sections.Count == 0)
            ModelState.AddModelError("Form.PlanId", "Wybierz plan albo wklej materiał do konsultacji.");
        if (Form.PlanId is not null && sections.Count > 0)
            ModelState.AddModelError("Form.Material", "Wybierz plan albo wklej materiał, nie oba.");
        if (Form.OpensOn is { } o && Form.ClosesOn is { } c && c < o)
            ModelState.AddModelError("Form.ClosesOn", "Data zakończenia jest wcześniejsza niż data rozpoczęcia.");
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var consultation = Form.PlanId is { } planId
            ? await drafts.CreateForPlanAsync(Form.Title, planId, Form.OpensOn!.Value, Form.ClosesOn!.Value, Form.Programme, ct)
            : drafts.CreateForMaterial(Form.Title, sections, Form.OpensOn!.Value, Form.ClosesOn!.Value, Form.Programme);
        if (consultation is null) return NotFound();
        if (Form.PublicLink) publicLink.Enable(consultation);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/{ConsultationPaths.Staff(consultation.Id)}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Plans = await db.Set<Plan>().Where(p => p.Status != PlanStatus.Archived).OrderByDescending(p => p.YearFrom).ToListAsync(ct);
}

/// <summary>Material pasted as text: "# Heading" lines start sections; text before the first heading is an introduction.</summary>
public static class MaterialText
{
    public static List<MaterialSection> Sections(string? text)
    {
        var sections = new List<MaterialSection>();
        if (string.IsNullOrWhiteSpace(text)) return sections;
        string? title = null;
        var body = new List<string>();
        void Flush()
        {
            if (title is not null || body.Any(l => l.Trim().Length > 0))
                sections.Add(new MaterialSection(title ?? "Wprowadzenie", string.Join("\n", body).Trim()));
            body.Clear();
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("# ")) { Flush(); title = line[2..].Trim(); }
            else body.Add(line);
        }
        Flush();
        return sections;
    }
}
