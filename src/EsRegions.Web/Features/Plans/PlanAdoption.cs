using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// What adopting a plan asks for, from the API and the plan's state page alike: the resolution's number, who passed it
/// and its date (not later than today); its full wording when it differs from "uchwała {number} {body} z dnia {date}".
/// </summary>
public static class PlanAdoption
{
    public const int NumberLength = 50, BodyLength = 200, TextLength = 500;

    /// <summary>The refusals by field ("number", "body", "date", "text"), Polish, each a key of the interface's texts; none: it can be recorded.</summary>
    public static Dictionary<string, string[]> Check(string? number, string? body, DateOnly? date, string? text, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(number)) errors["number"] = ["Podaj numer uchwały, np. „4/2024”."];
        else if (number.Trim().Length > NumberLength) errors["number"] = ["Numer uchwały może mieć najwyżej 50 znaków."];
        if (string.IsNullOrWhiteSpace(body)) errors["body"] = ["Podaj, kto podjął uchwałę, np. „Zarządu Województwa Mazowieckiego” albo „MKRES”."];
        else if (body.Trim().Length > BodyLength) errors["body"] = ["Nazwa organu może mieć najwyżej 200 znaków."];
        if (date is null) errors["date"] = ["Podaj datę uchwały."];
        else if (date > today) errors["date"] = ["Data uchwały nie może być późniejsza niż dziś."];
        if (text?.Trim().Length > TextLength) errors["text"] = ["Brzmienie może mieć najwyżej 500 znaków."];
        return errors;
    }

    /// <summary>The resolution as recorded; its wording as given, or composed in Polish from the other fields.</summary>
    public static Resolution Resolution(string number, string body, DateOnly date, string? text)
    {
        var (n, b) = (number.Trim(), body.Trim());
        return new(string.IsNullOrWhiteSpace(text) ? $"uchwała {n} {b} z dnia {UiFormat.Date(date, UiFormat.Polish)}" : text.Trim(), n, b, date);
    }
}
