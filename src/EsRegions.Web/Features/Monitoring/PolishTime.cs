using System.Globalization;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>Instants shown as Warsaw local time in Polish format.</summary>
public static class PolishTime
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Warsaw).ToString("d.MM.yyyy HH:mm", CultureInfo.GetCultureInfo("pl-PL"));
}
