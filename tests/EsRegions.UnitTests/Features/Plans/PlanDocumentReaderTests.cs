using System.Text.Json.Nodes;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Plans;

public sealed class PlanDocumentReaderTests
{
    private static readonly IReadOnlyList<PlanLevelLabel> Malopolska =
        TenantRegistryLoader.Load(Path.Combine(AppContext.BaseDirectory, "tenants")).FindBySlug("malopolska")!.Settings.PlanLevels;

    [Fact]
    public void Every_error_of_an_invalid_document_is_reported_with_its_json_path()
    {
        var check = new JsonChecker("plan.json");
        var doc = JsonNode.Parse("""
            { "title": "RPD", "kind": "yearly", "years": { "from": 2024, "to": 2023 }, "status": "adopted",
              "nodes": [ { "level": "priority", "code": "I", "title": "Cel",
                           "children": [ { "level": "priority", "code": "I.1", "title": "P",
                              "children": [ { "level": "interventionDirection", "code": "1", "title": "K",
                                 "actions": [ { "code": "1", "name": "Działanie", "timeframe": { "text": "II kw." },
                                    "indicators": [ { "name": "Liczba", "target": { "kind": "count", "text": "– ?" } } ],
                                    "budget": [ { "amount": "dużo", "source": "FEdM", "text": "dużo" } ], "colour": "red" } ] } ] } ] } ] }
            """);

        var plan = PlanDocumentReader.Read(doc, check, Malopolska);

        Assert.Null(plan);
        Assert.Contains("plan.json: $.kind: 'yearly' is not one of annual, multiYear", check.Errors);
        Assert.Contains("plan.json: $.years.to: must not be before years.from", check.Errors);
        Assert.Contains("plan.json: $.resolution: is required", check.Errors);
        Assert.Contains("plan.json: $.nodes[0].level: must be 'specificGoal' at this depth", check.Errors);
        Assert.Contains(check.Errors, e => e.StartsWith("plan.json: $.nodes[0].children[0].children[0].actions[0].colour: unknown property"));
        Assert.Contains("plan.json: $.nodes[0].children[0].children[0].actions[0].indicators[0].target.value: is required for a count target", check.Errors);
        Assert.Contains("plan.json: $.nodes[0].children[0].children[0].actions[0].budget[0].amount: must be a number or null", check.Errors);
    }

    [Fact]
    public void Repository_plans_are_valid_documents()
    {
        var tenants = Path.Combine(AppContext.BaseDirectory, "tenants");
        var registry = TenantRegistryLoader.Load(tenants);
        var files = Directory.GetFiles(tenants, "*.json", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}plans{Path.DirectorySeparatorChar}")).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var slug = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!;
            var check = new JsonChecker(file);
            var plan = PlanDocumentReader.Read(JsonNode.Parse(File.ReadAllText(file)), check, registry.FindBySlug(slug)!.Settings.PlanLevels);
            Assert.True(plan is not null, string.Join(Environment.NewLine, check.Errors));
        }
    }

    [Fact]
    public void A_missing_resolution_is_allowed_only_for_an_adopted_plan_that_says_why()
    {
        var check = new JsonChecker("plan.json");
        var doc = JsonNode.Parse("""
            { "title": "Program", "kind": "multiYear", "status": "draft", "resolutionUnknown": "Źródło nie podaje uchwały." }
            """);

        Assert.Null(PlanDocumentReader.Read(doc, check, Malopolska));
        Assert.Equal(["plan.json: $.resolutionUnknown: is only for an adopted or archived plan"], check.Errors);

        var adopted = PlanDocumentReader.Read(JsonNode.Parse("""
            { "title": "Program", "kind": "multiYear", "years": { "from": 2021, "to": 2025 }, "status": "adopted", "resolutionUnknown": "Źródło nie podaje uchwały." }
            """), new JsonChecker("plan.json"), Malopolska);
        Assert.Equal("Źródło nie podaje uchwały.", adopted!.ResolutionUnknown);
        Assert.Null(adopted.Resolution);
        Assert.Empty(adopted.Nodes);
    }
}
