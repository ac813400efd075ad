using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>A reporting period as the API writes it: a year ("2024") or a quarter ("2024-Q2").</summary>
public readonly partial record struct ReportingPeriodKey(int Year, int? Quarter)
{
    public bool IsAnnual => Quarter is null;

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportingPeriodKey? key)
    {
        key = null;
        var m = text is null ? null : Pattern().Match(text);
        if (m is null || !m.Success) return false;
        key = new ReportingPeriodKey(int.Parse(m.Groups[1].Value),
            m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : null);
        return true;
    }

    /// <summary>The last day of the period (the day after which its values can be reported).</summary>
    public DateOnly End => Quarter is { } q ? new DateOnly(Year, q * 3, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);

    public override string ToString() => Quarter is { } q ? $"{Year}-Q{q}" : $"{Year}";

    /// <summary>Polish label: "2024" or "II kw. 2024" (stored texts: reminder titles, messages of the domain).</summary>
    public string Label => Quarter is { } q ? $"{new[] { "I", "II", "III", "IV" }[q - 1]} kw. {Year}" : $"{Year}";

    /// <summary>The label in the interface's language: "II kw. 2024" on Polish pages, "Q2 2024" on English ones.</summary>
    public string UiLabel => Quarter is { } q && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? $"Q{q} {Year}" : Label;

    [GeneratedRegex("^(20[0-9]{2}|19[0-9]{2})(?:-Q([1-4]))?$")]
    private static partial Regex Pattern();
}
