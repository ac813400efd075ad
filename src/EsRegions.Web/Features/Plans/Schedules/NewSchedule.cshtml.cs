using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
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
public sealed class NewScheduleModel(EsRegionsDbContext db, ScheduleAuthoring authoring, TimeProvider clock) : PageModel
{
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

    /// <summary>The quarters offered (<see cref="OfferedQuarters"/>).</summary>
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
        // A plan is looked up in this region only (another region's id is refused by the rules like an unknown one).
        var outcome = await authoring.CreateAsync(new NewScheduleRequest(Form.Title, Form.PlanId, Form.From, Form.To, Form.Heading), ct);
        if (outcome.Result is { } schedule) return Redirect($"{Request.PathBase}/harmonogramy/{schedule.Id}");
        ModelState.AddFieldErrors("Form", outcome.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = (await db.Set<Plan>().Where(p => p.Status != PlanStatus.Archived).OrderByDescending(p => p.YearFrom).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        Quarters = OfferedQuarters(PolishCalendar.WarsawDate(clock.GetUtcNow()).Year);
    }

    /// <summary>From three years back to ten ahead of <paramref name="year"/>.</summary>
    public static IReadOnlyList<Quarter> OfferedQuarters(int year) => Quarter.Range(new Quarter(year - 3, 1), new Quarter(year + 10, 4)).ToList();
}
