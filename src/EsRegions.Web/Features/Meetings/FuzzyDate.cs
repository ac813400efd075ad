using System.Globalization;
using System.Text.RegularExpressions;
using EsRegions.Web.Features.Plans;

namespace EsRegions.Web.Features.Meetings;

/// <summary>How exact a calendar date is, as the regions write it.</summary>
public enum FuzzyDatePrecision
{
    Day,        // "12 stycznia", "06.06.2019"
    DayRange,   // "17-18 listopada", "8-9 Czerwiec"
    MidMonth,   // "Połowa lutego" (days 11–20)
    EarlyMonth, // "Początek marca" (days 1–10)
    LateMonth,  // "Koniec marca" (day 21 to the end)
    Month,      // "Styczeń", "styczeń 2022"
    Deadline,   // "Do 4 kwietnia": the interval is the deadline day
    Quarters,   // "II-IV kwartał 2024"
    Year,       // "Cały rok 2024"
}

/// <summary>
/// A calendar date kept exactly as written ("Połowa lutego") with the machine interval it stands for
/// (2022-02-11 … 2022-02-20). Parse with <see cref="FuzzyDate.TryParse"/>; a text that cannot be read has no value.
/// </summary>
public sealed partial record FuzzyDate(string Text, DateOnly From, DateOnly To, FuzzyDatePrecision Precision)
{
    public static FuzzyDate Exact(DateOnly day, string? text = null) =>
        new(text ?? day.ToString("d MMMM yyyy", Pl), day, day, FuzzyDatePrecision.Day);

    public static FuzzyDate Parse(string text, int defaultYear) =>
        TryParse(text, defaultYear, out var date) ? date : throw new FormatException($"Unrecognised date '{text}'.");

    /// <summary>Reads <paramref name="text"/>; a year not written in it is <paramref name="defaultYear"/>.</summary>
    public static bool TryParse(string? text, int defaultYear, out FuzzyDate date)
    {
        date = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var written = text;
        var t = Spaces().Replace(text.Trim().TrimEnd('.', ':', ';').Trim(), " ");
        var year = YearSuffix().Match(t) is { Success: true } y ? int.Parse(y.Groups[1].Value) : defaultYear;
        t = YearSuffix().Replace(t, "").Trim();
        var result = Numeric(written, t) ?? Named(written, t, year) ?? Plan(written, text, year);
        if (result is null) return false;
        date = result;
        return true;
    }

    private static FuzzyDate? Numeric(string written, string t)
    {
        var m = NumericDate().Match(t);
        if (!m.Success) return null;
        var precision = m.Groups["until"].Success ? FuzzyDatePrecision.Deadline : FuzzyDatePrecision.Day;
        return DateOnly.TryParseExact(m.Groups["date"].Value.Replace('/', '.'), ["d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new FuzzyDate(written, d, d, precision)
            : null;
    }

    private static FuzzyDate? Named(string written, string t, int year)
    {
        if (DayRange().Match(t) is { Success: true } r && Month(r.Groups["m"].Value) is { } rm)
        {
            var from = Day(year, rm, r.Groups["a"].Value);
            var to = Day(year, rm, r.Groups["b"].Value);
            return from is null || to is null || to < from ? null : new FuzzyDate(written, from.Value, to.Value, FuzzyDatePrecision.DayRange);
        }
        if (DayRangeAcrossMonths().Match(t) is { Success: true } x && Month(x.Groups["m1"].Value) is { } m1 && Month(x.Groups["m2"].Value) is { } m2)
        {
            var from = Day(year, m1, x.Groups["a"].Value);
            var to = Day(year, m2, x.Groups["b"].Value);
            return from is null || to is null || to < from ? null : new FuzzyDate(written, from.Value, to.Value, FuzzyDatePrecision.DayRange);
        }
        if (Deadline().Match(t) is { Success: true } dl && Month(dl.Groups["m"].Value) is { } dm)
            return Day(year, dm, dl.Groups["d"].Value) is { } d ? new FuzzyDate(written, d, d, FuzzyDatePrecision.Deadline) : null;
        if (SingleDay().Match(t) is { Success: true } s && Month(s.Groups["m"].Value) is { } sm)
            return Day(year, sm, s.Groups["d"].Value) is { } d ? new FuzzyDate(written, d, d, FuzzyDatePrecision.Day) : null;
        if (PartOfMonth().Match(t) is { Success: true } p && Month(p.Groups["m"].Value) is { } pm)
        {
            var last = DateTime.DaysInMonth(year, pm);
            return p.Groups["part"].Value.ToLowerInvariant() switch
            {
                "połowa" or "połowie" or "poł." => new FuzzyDate(written, new(year, pm, 11), new(year, pm, 20), FuzzyDatePrecision.MidMonth),
                "początek" or "początku" => new FuzzyDate(written, new(year, pm, 1), new(year, pm, 10), FuzzyDatePrecision.EarlyMonth),
                _ => new FuzzyDate(written, new(year, pm, 21), new(year, pm, last), FuzzyDatePrecision.LateMonth),
            };
        }
        if (Month(t) is { } month)
            return new FuzzyDate(written, new(year, month, 1), new(year, month, DateTime.DaysInMonth(year, month)), FuzzyDatePrecision.Month);
        return null;
    }

    // The plans' forms ("II-IV kwartał 2024", "Cały rok 2024") are read the way the Plans module reads timeframes.
    private static FuzzyDate? Plan(string written, string text, int year)
    {
        var timeframe = TimeframeText.Parse(text, year);
        if (timeframe.From is not { } from || timeframe.To is not { } to) return null;
        var whole = from.Month == 1 && from.Day == 1 && to.Month == 12 && to.Day == 31 && WholeYear().IsMatch(text.Trim());
        return new FuzzyDate(written, from, to, whole ? FuzzyDatePrecision.Year : FuzzyDatePrecision.Quarters);
    }

    private static DateOnly? Day(int year, int month, string day) =>
        int.TryParse(day, out var d) && d >= 1 && d <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, d) : null;

    /// <summary>A month's number from its Polish name in the nominative, genitive or locative, any letter case.</summary>
    public static int? Month(string name)
    {
        var key = name.Trim().ToLower(Pl);
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].Contains(key)) return i + 1;
        return null;
    }

    private static readonly CultureInfo Pl = CultureInfo.GetCultureInfo("pl-PL");

    private static readonly string[][] MonthNames =
    [
        ["styczeń", "stycznia", "styczniu", "sty."], ["luty", "lutego", "lutym", "lut."], ["marzec", "marca", "marcu", "mar."],
        ["kwiecień", "kwietnia", "kwietniu", "kwi."], ["maj", "maja", "maju"], ["czerwiec", "czerwca", "czerwcu", "cze."],
        ["lipiec", "lipca", "lipcu", "lip."], ["sierpień", "sierpnia", "sierpniu", "sie."], ["wrzesień", "września", "wrześniu", "wrz."],
        ["październik", "października", "październiku", "paź."], ["listopad", "listopada", "listopadzie", "lis."],
        ["grudzień", "grudnia", "grudniu", "gru."],
    ];

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"\s+((?:19|20)\d{2})\s*(?:r\.?|roku)?$", RegexOptions.IgnoreCase)] private static partial Regex YearSuffix();
    [GeneratedRegex(@"^(?<until>do\s+(?:dnia\s+)?)?(?<date>\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})(\s*r\.?)?(\s*\(\w+\))?$", RegexOptions.IgnoreCase)] private static partial Regex NumericDate();
    [GeneratedRegex(@"^(?<a>\d{1,2})\s*[-–—]\s*(?<b>\d{1,2})\s+(?<m>\p{L}+\.?)$")] private static partial Regex DayRange();
    [GeneratedRegex(@"^(?<a>\d{1,2})\s+(?<m1>\p{L}+)\s*[-–—]\s*(?<b>\d{1,2})\s+(?<m2>\p{L}+)$")] private static partial Regex DayRangeAcrossMonths();
    [GeneratedRegex(@"^do\s+(?:dnia\s+)?(?<d>\d{1,2})\s+(?<m>\p{L}+\.?)$", RegexOptions.IgnoreCase)] private static partial Regex Deadline();
    [GeneratedRegex(@"^(?<d>\d{1,2})\s+(?<m>\p{L}+\.?)$")] private static partial Regex SingleDay();
    [GeneratedRegex(@"^(?:w\s+)?(?<part>połowa|połowie|poł\.|początek|początku|koniec|końcu)\s+(?<m>\p{L}+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfMonth();
    [GeneratedRegex(@"^cał(y|ego)\s+rok", RegexOptions.IgnoreCase)] private static partial Regex WholeYear();
}
