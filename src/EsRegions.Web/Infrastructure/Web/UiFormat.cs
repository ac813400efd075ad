using System.Globalization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// Dates and numbers on pages, in the interface's language: "15 stycznia 2027 r." and "12,5" in Polish, "15 January
/// 2027" and "12.5" in English. E-mails and exports keep their own Polish formats whatever the sender's language.
/// </summary>
public static class UiFormat
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static bool InEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Date(DateOnly d) => InEnglish ? d.ToString("d MMMM yyyy", English) : d.ToString("d MMMM yyyy 'r.'", Polish);

    /// <summary>A value as reports show it: at most two decimal places.</summary>
    public static string Number(decimal n) => n.ToString("0.##", InEnglish ? English : Polish);
}
