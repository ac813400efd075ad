using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>A calendar quarter ("2019-Q3" in files and the API, "III kw. 2019" on screen).</summary>
[JsonConverter(typeof(QuarterJsonConverter))]
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static Quarter? TryParse(string? text)
    {
        if (text is null || QuarterPattern().Match(text) is not { Success: true } m) return null;
        return new Quarter(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
    }

    public static Quarter Parse(string text) => TryParse(text) ?? throw new FormatException($"'{text}' is not a quarter (yyyy-Qn).");

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    /// <summary>Every quarter from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<Quarter> Range(Quarter from, Quarter to)
    {
        for (var q = from; q.CompareTo(to) <= 0; q = q.Next) yield return q;
    }

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public int CompareTo(Quarter other) => (Year * 4 + Number).CompareTo(other.Year * 4 + other.Number);

    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    /// <summary>The roman numeral the regions' documents use ("III kw.").</summary>
    public string Roman => Number switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    /// <summary>"III kw. 2019", as the seeds write quarters.</summary>
    public string Display => $"{Roman} kw. {Year}";

    public override string ToString() => $"{Year}-Q{Number}";

    [GeneratedRegex(@"^((?:19|20|21)\d{2})-Q([1-4])$")] private static partial Regex QuarterPattern();
}

/// <summary>A quarter in JSON (API, audit trail) is its text, "2019-Q3".</summary>
public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.TryParse(reader.GetString()) ?? throw new JsonException("A quarter is written yyyy-Qn, e.g. \"2019-Q3\".");

    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
