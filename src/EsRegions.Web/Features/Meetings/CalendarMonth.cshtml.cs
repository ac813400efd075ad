using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Meetings;

/// <summary>The month view: entries with a day on the grid, entries known only to the month ("Styczeń", "Połowa lutego") listed above it.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class CalendarMonthModel(CalendarQuery query, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public CalendarFilter Filter { get; set; } = new();
    public DateOnly First { get; private set; }
    public IReadOnlyList<Meeting> OnDays { get; private set; } = [];
    public IReadOnlyList<Meeting> MonthOnly { get; private set; } = [];
    public Dictionary<Guid, string> Committees { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = MeetingsApi.LocalDay(clock.GetUtcNow());
        Filter.Rok = Filter.Rok is >= 2000 and <= 2100 ? Filter.Rok : today.Year;
        Filter.Miesiac = Filter.Miesiac is >= 1 and <= 12 ? Filter.Miesiac : today.Month;
        First = new DateOnly(Filter.Rok.Value, Filter.Miesiac.Value, 1);
        var all = await query.BetweenAsync(First, First.AddMonths(1).AddDays(-1), Filter, ct);
        OnDays = all.Where(HasDays).ToList();
        MonthOnly = all.Where(m => !HasDays(m)).ToList();
        Committees = await query.CommitteeNamesAsync(ct);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.CommitteeSecretariat)).Succeeded;
    }

    public static bool HasDays(Meeting m) =>
        m.StartsAt is not null || m.Date.Precision is FuzzyDatePrecision.Day or FuzzyDatePrecision.DayRange or FuzzyDatePrecision.Deadline;

    public IEnumerable<Meeting> On(DateOnly day) => OnDays.Where(m => m.Date.From <= day && day <= m.Date.To);
}
