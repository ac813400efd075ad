using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>
/// Staff start the schedule of drafting a plan (harmonogram opracowania): its title, the plan it prepares (when that
/// is in the system) and its quarters; phases and tasks are added on the schedule's page.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class NewScheduleModel(EsRegionsDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The longest schedule the page starts: ten years of quarters (the grid has a column for each).</summary>
    public const int MaxQuarters = 40;

    public sealed class Input
    {
        public string? Title { get; set; }
        public Guid? PlanId { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Heading { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Title)> Plans { get; private set; } = [];

    /// <summary>The quarters offered: from three years back to ten ahead.</summary>
    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];

    /// <summary>From a plan's page: <paramref name="plan"/> is chosen and the title proposed after it.</summary>
    public async Task OnGetAsync(Guid? plan, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Plans.FirstOrDefault(p => p.Id == plan) is { Title: { } title })
            (Form.PlanId, Form.Title) = (plan, $"Harmonogram opracowania: {title}");
        var now = Quarter.Of(PolishCalendar.WarsawDate(clock.GetUtcNow()));
        (Form.From, Form.To) = (now.ToString(), new Quarter(now.Year + 1, 4).ToString());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var title = Form.Title?.Trim();
        if (string.IsNullOrEmpty(title)) ModelState.AddModelError("Form.Title", "Podaj tytuł harmonogramu.");
        else if (title.Length > 500) ModelState.AddModelError("Form.Title", "Tytuł może mieć najwyżej 500 znaków.");
        if (Form.Heading?.Trim().Length > 500) ModelState.AddModelError("Form.Heading", "Nagłówek może mieć najwyżej 500 znaków.");
        if (Form.PlanId is { } planId && Plans.All(p => p.Id != planId)) ModelState.AddModelError("Form.PlanId", "Wybierz plan tego regionu albo żaden.");
        var from = Quarter.TryParse(Form.From);
        var to = Quarter.TryParse(Form.To);
        if (from is null) ModelState.AddModelError("Form.From", "Wybierz pierwszy kwartał harmonogramu.");
        if (to is null) ModelState.AddModelError("Form.To", "Wybierz ostatni kwartał harmonogramu.");
        else if (from is { } f && to < f) ModelState.AddModelError("Form.To", "Kwartał końcowy nie może być wcześniejszy niż początkowy.");
        else if (from is { } g && Quarter.Range(g, to.Value).Count() > MaxQuarters) ModelState.AddModelError("Form.To", "Harmonogram może obejmować najwyżej 10 lat (40 kwartałów).");
        if (!ModelState.IsValid) return Page();

        var schedule = new PlanSchedule(Form.PlanId, title!, string.IsNullOrWhiteSpace(Form.Heading) ? null : Form.Heading.Trim(), from!.Value, to!.Value,
            source: null, notes: [], sourceFile: null);
        db.Add(schedule);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/harmonogramy/{schedule.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = (await db.Set<Plan>().Where(p => p.Status != PlanStatus.Archived).OrderByDescending(p => p.YearFrom).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        var year = PolishCalendar.WarsawDate(clock.GetUtcNow()).Year;
        Quarters = Quarter.Range(new Quarter(year - 3, 1), new Quarter(year + 10, 4)).ToList();
    }
}
