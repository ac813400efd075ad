using System.Globalization;
using System.Text.RegularExpressions;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// A number as staff and implementers type it into a form: "180 000", "35,5", "35.5", "-2". A comma or a dot followed
/// by exactly three digits after one to three others ("1,500", "180.000") is refused as ambiguous: Polish writing uses
/// the dot, English the comma, to group thousands, and reading it as a fraction would store a value a thousand times
/// too small without a word. "0,125" (a leading zero) and "1,5" or "12,25" are read as fractions.
/// </summary>
public static partial class TypedNumber
{
    /// <summary>The message for an ambiguous number, a resource key like every UI text.</summary>
    public const string AmbiguousMessage =
        "Nie wiadomo, czy to tysiące, czy ułamek: tysiące zapisz bez znaku między cyframi albo ze spacją (1500 lub 1 500), ułamek z jedną lub dwiema cyframi po przecinku (1,5).";

    public static bool IsAmbiguous(string? text) => text is not null && Ambiguous().IsMatch(Bare(text));

    /// <summary>The number, or false when the text is empty, not a number or ambiguous.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || IsAmbiguous(text)) return false;
        return decimal.TryParse(Bare(text).Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    private static string Bare(string text) => text.Trim().Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "");

    [GeneratedRegex(@"^[+-]?[1-9][0-9]{0,2}[.,][0-9]{3}$")] private static partial Regex Ambiguous();
}
