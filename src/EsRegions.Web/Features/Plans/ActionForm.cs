using System.Globalization;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EsRegions.Web.Features.Plans;

/// <summary>An indicator row of the action editor; a row left blank adds nothing, <see cref="Remove"/> deletes it.</summary>
public sealed class IndicatorInput
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public string Kind { get; set; } = "count";
    public string? Value { get; set; }
    public string? Unit { get; set; }
    public string? Text { get; set; }
    public string? Baseline { get; set; }
    public string? CatalogueCode { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A budget row of the action editor (amount in PLN where the plan gives one, funding source, text as written).</summary>
public sealed class BudgetInput
{
    public string? Amount { get; set; }
    public string? Source { get; set; }
    public string? Text { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>Checks the editor's indicator and budget rows; every problem goes to the field it is about.</summary>
public static class ActionRows
{
    public static readonly (string Value, string Label)[] Kinds =
        [("count", "liczba"), ("minimum", "minimum (min.)"), ("share", "udział (%)"), ("text", "opis słowny")];

    public static List<IndicatorDocument?> Indicators(IList<IndicatorInput> rows, ModelStateDictionary state)
    {
        var result = new List<IndicatorDocument?>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var key = $"Form.Indicators[{i}]";
            if (r.Remove || r.IsBlank) { result.Add(null); continue; }
            if (string.IsNullOrWhiteSpace(r.Name)) state.AddModelError($"{key}.Name", "Podaj nazwę wskaźnika.");
            TargetKind? kind = r.Kind switch
            {
                "count" => TargetKind.Count, "minimum" => TargetKind.Minimum, "share" => TargetKind.Share, "text" => TargetKind.Text, _ => null,
            };
            if (kind is null) state.AddModelError($"{key}.Kind", "Wybierz rodzaj wartości docelowej.");
            var value = Number(r.Value);
            if (Ambiguous(r.Value)) state.AddModelError($"{key}.Value", TypedNumber.AmbiguousMessage);
            else if (!string.IsNullOrWhiteSpace(r.Value) && value is null) state.AddModelError($"{key}.Value", "Wartość docelowa musi być liczbą, np. 40 albo 35,5.");
            else if (kind is not null and not TargetKind.Text && value is null) state.AddModelError($"{key}.Value", "Podaj wartość docelową (liczbę).");
            else if (value < 0) state.AddModelError($"{key}.Value", "Wartość docelowa nie może być ujemna.");
            if (string.IsNullOrWhiteSpace(r.Text)) state.AddModelError($"{key}.Text", "Podaj wskaźnik tak, jak zapisano go w planie, np. „Liczba szkoleń – 4”.");
            var unit = Trim(r.Unit) ?? (kind == TargetKind.Share ? "%" : null);
            result.Add(kind is null || string.IsNullOrWhiteSpace(r.Name) || string.IsNullOrWhiteSpace(r.Text) ? null
                : new IndicatorDocument(r.Name.Trim(), kind.Value, kind == TargetKind.Text ? null : value, unit, r.Text.Trim(), Trim(r.Baseline), Trim(r.CatalogueCode)));
        }
        return result;
    }

    public static List<BudgetLine> Budget(IList<BudgetInput> rows, ModelStateDictionary state)
    {
        var result = new List<BudgetLine>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var key = $"Form.Budget[{i}]";
            if (r.Remove || r.IsBlank) continue;
            var amount = Number(r.Amount);
            if (Ambiguous(r.Amount)) state.AddModelError($"{key}.Amount", TypedNumber.AmbiguousMessage);
            else if (!string.IsNullOrWhiteSpace(r.Amount) && amount is null) state.AddModelError($"{key}.Amount", "Kwota musi być liczbą w złotych, np. 180 000.");
            else if (amount < 0) state.AddModelError($"{key}.Amount", "Kwota nie może być ujemna.");
            if (string.IsNullOrWhiteSpace(r.Source)) { state.AddModelError($"{key}.Source", "Podaj źródło finansowania, np. FEdM."); continue; }
            var text = Trim(r.Text) ?? (amount is null ? r.Source.Trim() : $"{amount.Value.ToString("#,0.##", Pl).Replace('\u00a0', ' ')}, {r.Source.Trim()}");
            result.Add(new BudgetLine(amount, r.Source.Trim(), text));
        }
        return result;
    }

    private static readonly CultureInfo Pl = CultureInfo.GetCultureInfo("pl-PL");

    /// <summary>Numbers as staff type them: "180 000", "35,5", "35.5", "180 000 zł"; null for an ambiguous "1,500".</summary>
    public static decimal? Number(string? text) => TypedNumber.TryParse(text?.Replace("zł", ""), out var d) ? d : null;

    private static bool Ambiguous(string? text) => TypedNumber.IsAmbiguous(text?.Replace("zł", ""));

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Format(decimal? value) => value?.ToString("0.##", Pl) ?? "";
}
