using System.Globalization;

namespace EsRegions.Web.Features.Plans;

/// <summary>Plan words for the UI, Polish first.</summary>
public static class PlanText
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Status(string status) => (status, English) switch
    {
        ("draft" or "Draft", false) => "projekt",
        ("inConsultation" or "InConsultation", false) => "w konsultacjach",
        ("adopted" or "Adopted", false) => "przyjęty",
        ("archived" or "Archived", false) => "archiwalny",
        ("inConsultation" or "InConsultation", true) => "in consultation",
        (_, true) => status.ToLowerInvariant(),
        _ => status,
    };

    public static string Money(decimal amount) => amount.ToString("#,0 'zł'", CultureInfo.GetCultureInfo("pl-PL"));
}
