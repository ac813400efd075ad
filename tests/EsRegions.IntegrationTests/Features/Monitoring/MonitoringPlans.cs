using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EsRegions.Web.Features.Plans;

namespace EsRegions.IntegrationTests.Features.Monitoring;

/// <summary>A small adopted annual plan imported into any region (its own levels), with three mapped indicators.</summary>
public static class MonitoringPlans
{
    public const string JobsCode = "ES.PS.MIEJSCA_PRACY";
    public const string EnterprisesCode = "ES.PS.AKTYWNE";

    private static readonly Dictionary<string, string[]> Levels = new()
    {
        ["malopolska"] = ["specificGoal", "priority", "interventionDirection"],
        ["mazowsze"] = ["mainGoal", "specificGoal", "interventionDirection"],
        ["warmia-mazury"] = ["specificGoal", "interventionDirection"],
        ["lubelskie"] = ["priority", "interventionDirection"],
    };

    public static string Document(string slug, int year = 2024)
    {
        JsonObject action = new()
        {
            ["code"] = "1", ["name"] = "Wsparcie tworzenia miejsc pracy w PS", ["description"] = "Dotacje OWES", ["product"] = "Miejsca pracy",
            ["indicators"] = new JsonArray(
                Indicator("liczba stworzonych miejsc pracy", "count", 100, null, "liczba stworzonych miejsc pracy - 100", JobsCode),
                Indicator("Liczba aktywnych PS", "minimum", 30, null, "Liczba aktywnych PS – min. 30", EnterprisesCode),
                Indicator("Odsetek miejsc pracy dla osób w najtrudniejszej sytuacji", "share", 35, "%", "Odsetek – min. 35%", null),
                Indicator("Skrócenie czasu oczekiwania", "text", null, null, "Skrócenie z 3 msc. do 1 msc.", null)),
            ["budget"] = new JsonArray(), ["timeframe"] = new JsonObject { ["text"] = $"Cały rok {year}" },
            ["implementers"] = new JsonArray("OWES"),
        };
        JsonObject? node = null;
        var levels = Levels[slug];
        for (var i = levels.Length - 1; i >= 0; i--)
        {
            var n = new JsonObject { ["level"] = levels[i], ["code"] = i == 0 ? "I" : "I." + string.Join(".", Enumerable.Repeat("1", i)), ["title"] = $"Poziom {i + 1}" };
            if (node is null) n["actions"] = new JsonArray(action);
            else n["children"] = new JsonArray(node);
            node = n;
        }
        return new JsonObject
        {
            ["title"] = $"Roczny plan działania {year} ({slug})", ["kind"] = "annual", ["years"] = new JsonObject { ["from"] = year, ["to"] = year },
            ["status"] = "draft", ["nodes"] = new JsonArray(node),
        }.ToJsonString();
    }

    private static JsonObject Indicator(string name, string kind, decimal? value, string? unit, string text, string? code) => new()
    {
        ["name"] = name, ["target"] = new JsonObject { ["kind"] = kind, ["value"] = value, ["unit"] = unit, ["text"] = text }, ["catalogueCode"] = code,
    };

    /// <summary>Imports the plan as the region's staff; returns the plan and its indicators in document order.</summary>
    public static async Task<(Guid PlanId, List<IndicatorDto> Indicators)> ImportAsync(HttpClient staff, string slug, int year = 2024)
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await staff.PostAsync($"/{slug}/api/v1/plans/import", new StringContent(Document(slug, year), System.Text.Encoding.UTF8, "application/json"), ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<PlanSummaryDto>(ct))!.Id;
        return (id, await IndicatorsAsync(staff, slug, id));
    }

    public static async Task<List<IndicatorDto>> IndicatorsAsync(HttpClient client, string slug, Guid planId) =>
        (await ActionsAsync(client, slug, planId)).SelectMany(a => a.Indicators).ToList();

    /// <summary>The plan's actions in document order, as the API gives them.</summary>
    public static async Task<List<ActionDto>> ActionsAsync(HttpClient client, string slug, Guid planId)
    {
        var plan = await client.GetFromJsonAsync<PlanDto>($"/{slug}/api/v1/plans/{planId}", TestContext.Current.CancellationToken);
        return plan!.Nodes.SelectMany(Flatten).ToList();
    }

    private static IEnumerable<ActionDto> Flatten(NodeDto node) => (node.Actions ?? []).Concat((node.Children ?? []).SelectMany(Flatten));
}
