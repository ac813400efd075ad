using System.Text.RegularExpressions;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// Reads the interval of a timeframe written the way the plans write it: "II-IV kwartał 2024", "I – IV kw.",
/// "II kwartał 2024", "IV kw.", "Cały rok 2024", also after a sub-item marker ("Ad 2) I-IV kw."). A missing year is the plan's. Anything else keeps its text and no interval.
/// </summary>
public static partial class TimeframeText
{
    public static Timeframe Parse(string text, int? defaultYear)
    {
        // A sub-item marker ("Ad 2)", "Ad.2)", "Ad 2ab)", "1)") before the period belongs to the table, not the date.
        var t = SubItemMarker().Replace(text.Trim(), "");
        int? found = YearPattern().Match(t) is { Success: true } y ? int.Parse(y.Value) : defaultYear;
        if (found is not { } year) return new Timeframe(text, null, null); // no year in the text nor in the plan
        if (WholeYear().IsMatch(t)) return new Timeframe(text, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var quarters = Quarters().Match(t);
        if (!quarters.Success) return new Timeframe(text, null, null);
        var first = Roman(quarters.Groups["a"].Value);
        var last = quarters.Groups["b"].Success ? Roman(quarters.Groups["b"].Value) : first;
        if (first is null || last is null || last < first) return new Timeframe(text, null, null);
        var from = new DateOnly(year, (first.Value - 1) * 3 + 1, 1);
        var to = new DateOnly(year, last.Value * 3, 1).AddMonths(1).AddDays(-1);
        return new Timeframe(text, from, to);
    }

    private static int? Roman(string s) => s.ToUpperInvariant() switch { "I" => 1, "II" => 2, "III" => 3, "IV" => 4, _ => null };

    [GeneratedRegex(@"^(?:Ad\.?\s*)?\d+[a-z]*\)\s*")] private static partial Regex SubItemMarker();
    [GeneratedRegex(@"\b(19|20)\d{2}\b")] private static partial Regex YearPattern();
    [GeneratedRegex(@"^cał(y|ego)\s+rok", RegexOptions.IgnoreCase)] private static partial Regex WholeYear();
    [GeneratedRegex(@"^(?<a>IV|III|II|I)\s*(?:[-–—]\s*(?<b>IV|III|II|I))?\s*(kw\.?|kwarta[łl]\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex Quarters();
}
