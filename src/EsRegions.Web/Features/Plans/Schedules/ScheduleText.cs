using System.Globalization;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>Schedule words for the UI, Polish first.</summary>
public static class ScheduleText
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

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
