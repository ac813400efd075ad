using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Meetings;

/// <summary>The list view: a year's (or a month's) entries in date order, dates as written.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantApi)]
public sealed class CalendarListModel(CalendarQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public CalendarFilter Filter { get; set; } = new();
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public Dictionary<Guid, string> Committees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = MeetingsApi.LocalDay(clock.GetUtcNow());
        Filter.Rok = Filter.Rok is >= 2000 and <= 2100 ? Filter.Rok : today.Year;
        var (from, to) = Filter.Miesiac is >= 1 and <= 12
            ? (new DateOnly(Filter.Rok.Value, Filter.Miesiac.Value, 1), new DateOnly(Filter.Rok.Value, Filter.Miesiac.Value, 1).AddMonths(1).AddDays(-1))
            : (new DateOnly(Filter.Rok.Value, 1, 1), new DateOnly(Filter.Rok.Value, 12, 31));
        if (Filter.Miesiac is not (>= 1 and <= 12)) Filter.Miesiac = null;
        Meetings = await query.BetweenAsync(from, to, Filter, ct);
        Committees = await query.CommitteeNamesAsync(ct);
    }
}
