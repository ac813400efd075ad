using System.Globalization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// Dates and numbers in one of the two languages: "15 stycznia 2027 r." and "12,5" in Polish, "15 January 2027" and
/// "12.5" in English. Pages use the interface's language; e-mails and exports pass Polish whatever the sender's.
/// </summary>
public static class UiFormat
{
    public static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The formatting culture of a language: en-GB for English, pl-PL for anything else.</summary>
    public static CultureInfo Of(CultureInfo language) => language.TwoLetterISOLanguageName == "en" ? English : Polish;

    public static string Date(DateOnly d) => Date(d, CultureInfo.CurrentUICulture);

    public static string Date(DateOnly d, CultureInfo language) =>
        Of(language) == English ? d.ToString("d MMMM yyyy", English) : d.ToString("d MMMM yyyy 'r.'", Polish);

    /// <summary>
    /// A date that ends a sentence: "18 stycznia 2027 r." takes no second full stop, "18 January 2027." takes one.
    /// </summary>
    public static string DateEndingSentence(DateOnly d) => Date(d) is var text && text.EndsWith('.') ? text : text + ".";

    /// <summary>A date in a table or beside a long one: "15.01.2027" in Polish, "15/01/2027" in English.</summary>
    public static string ShortDate(DateOnly d) => d.ToString("d", Of(CultureInfo.CurrentUICulture));

    /// <summary>
    /// An instant as Warsaw's wall-clock time in the interface's language: "6 grudnia 2026 r., 19:22", "6 December 2026,
    /// 19:22" (when a value was changed, a report published, an application sent).
    /// </summary>
    public static string Time(DateTimeOffset at) => Time(at, CultureInfo.CurrentUICulture);

    public static string Time(DateTimeOffset at, CultureInfo language)
    {
        var local = TimeZoneInfo.ConvertTime(at, Features.Notifications.PolishCalendar.Warsaw);
        return Date(DateOnly.FromDateTime(local.DateTime), language) + local.ToString(", HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A value as reports show it: at most two decimal places, thousands grouped as the language writes them
    /// ("12 345,5" with a non-breaking space, "12,345.5"), like amounts of money. Only for reading: form fields keep
    /// the plain number, which the value form reads back without ambiguity.
    /// </summary>
    public static string Number(decimal n) => n.ToString("#,0.##", Of(CultureInfo.CurrentUICulture));
}
