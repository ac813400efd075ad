using System.Globalization;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>Schedule words for the UI, Polish first.</summary>
public static class ScheduleText
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A status as written in the API (<see cref="ScheduleQueries.StatusTexts"/>) in the page's language.</summary>
    public static string Status(string status) => (status, English) switch
    {
        ("planned", false) => "planowane",
        ("inProgress", false) => "w toku",
        ("done", false) => "wykonane",
        ("inProgress", true) => "in progress",
        (_, true) => status,
        _ => status,
    };

    public static string Quarter(string? text) => Schedules.Quarter.TryParse(text) is { } q
        ? English ? $"Q{q.Number} {q.Year}" : q.Display
        : "";
}

/// <summary>The options of a quarter &lt;select&gt; (_QuarterOptions): the quarters offered, the one chosen ("2027-Q1") and the empty choice's text.</summary>
public sealed record QuarterOptions(IEnumerable<Quarter> Quarters, string? Selected, string Empty);

/// <summary>What the schedule's fields (_ScheduleFields) show: the form typed or stored, the region's plans and the quarters offered.</summary>
public sealed record ScheduleFields(NewScheduleModel.Input Form, IReadOnlyList<(Guid Id, string Title)> Plans, IReadOnlyList<Quarter> Quarters);

/// <summary>A phase's or a task's place among its siblings (1 first) for the order section (_MoveButtons), under <see cref="Heading"/>.</summary>
public sealed record PlaceInOrder(string Heading, int Place, int Of)
{
    /// <summary>
    /// What the order section asked for, as the new 0-based place for the current one: <paramref name="place"/> (1
    /// first) when chosen, else one up ("gora") or one down ("dol"); anything else leaves it where it is.
    /// </summary>
    public static Func<int, int> Target(string? direction, int? place) => (place, direction) switch
    {
        ({ } p, _) => _ => p - 1,
        (_, "gora") => i => i - 1,
        (_, "dol") => i => i + 1,
        _ => i => i,
    };
}
