using System.Net;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Meetings;

/// <summary>
/// The calendar's month page names its month, its neighbours, the days of the week and each day in the UI's language:
/// a month on its own in the nominative ("luty 2022"), a day's month, read out to screen readers, in the genitive
/// ("wtorek 1 lutego"), and an entry without a day as written in Polish ("Połowa lutego") or in English words
/// ("mid-February").
/// </summary>
public sealed partial class CalendarMonthPageTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Theory]
    [InlineData("pl-PL", "Kalendarz: <span class=\"text-capitalize\">luty 2022</span>", "styczeń 2022", "marzec 2022",
        "<span class=\"visually-hidden\">wtorek</span> 1<span class=\"visually-hidden\"> lutego</span>", "poniedziałek", "niedziela",
        "<li><strong>Połowa lutego</strong>")]
    [InlineData("en-GB", "Calendar: <span class=\"text-capitalize\">February 2022</span>", "January 2022", "March 2022",
        "<span class=\"visually-hidden\">Tuesday</span> 1<span class=\"visually-hidden\"> February</span>", "Monday", "Sunday",
        "<li><strong>mid-February</strong>")]
    public async Task Month_page_names_the_month_its_neighbours_the_weekdays_and_its_days_in_the_ui_language(
        string culture, string heading, string previous, string next, string firstDay, string monday, string sunday, string vague)
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = ClientAs(Policies.Roles.Staff, "warmia-mazury");

        var response = await staff.GetAsync($"/warmia-mazury/kalendarz?rok=2022&miesiac=2&culture={culture}&ui-culture={culture}", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains($"<h1>{heading}</h1>", html);
        Assert.Contains($"<span class=\"text-capitalize\">{previous}</span>", html);
        Assert.Contains($"<span class=\"text-capitalize\">{next}</span>", html);
        Assert.Contains(firstDay, html);
        Assert.Contains(vague, html);
        var weekdays = Weekday().Matches(html[html.IndexOf("<thead>", StringComparison.Ordinal)..html.IndexOf("</thead>", StringComparison.Ordinal)])
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(7, weekdays.Count);
        Assert.Equal((monday, sunday), (weekdays[0], weekdays[6]));
        Assert.DoesNotContain("LLLL", html);
    }

    [GeneratedRegex("""<th scope="col">([^<]+)</th>""")] private static partial Regex Weekday();
}
