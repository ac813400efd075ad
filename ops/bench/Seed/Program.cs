// EsRegions benchmark data generator (issue 9). Two commands:
//
//   tenants --from <repo>/tenants --to <dir>
//       copies the repository's tenants/ folder to <dir> and adds the twelve other voivodeships as bench-only tenants
//       (tenants.json entries and a tenant.json each). The repository's tenants/ is never written.
//
//   data --conn "<superuser connection string>" --tenants <dir> [--scale 1.0] [--due-now]
//       fills a database that the app has already migrated (and started once on <dir>) with the national data set:
//       per tenant a multi-year plan of 2,000 actions with two indicators each, ten years (2016-2025) of entered and
//       published annual values, a committee of 300 members, 1,000 calendar entries, a consultation with 5,000
//       comments; 100,000 scheduled reminders across all tenants of which 10,000 are "due" ones (occurrence keys
//       bench:due:*). Without --due-now the due ones wait a year in the future, so that apps started for the other
//       measurements do not sweep them; ops/bench.sh makes them due (UPDATE ... due_at) when it measures the sweep.
//       --scale multiplies every count (e.g. 0.05 while developing).
//
// Rows are written with COPY (Npgsql binary import). COPY FROM is refused on tables whose row-level security applies
// to the current role, and the tables FORCE RLS even for their owner, so the seed connects as the cluster's
// superuser (which bypasses RLS); the app itself keeps running as esregions_app under RLS.
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace EsRegions.Bench.Seed;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0) return Usage();
        var options = Options.Parse(args.Skip(1).ToArray());
        try
        {
            switch (args[0])
            {
                case "tenants":
                    TenantFiles.Write(options.Required("from"), options.Required("to"));
                    return 0;
                case "data":
                    var scale = double.Parse(options.Get("scale") ?? "1", CultureInfo.InvariantCulture);
                    await DataSet.SeedAsync(options.Required("conn"), options.Required("tenants"), scale, options.Has("due-now"));
                    return 0;
                default:
                    return Usage();
            }
        }
        catch (SeedException ex)
        {
            Console.Error.WriteLine($"seed: {ex.Message}");
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: seed tenants --from <repo tenants dir> --to <dir>");
        Console.Error.WriteLine("       seed data --conn <superuser connection string> --tenants <dir> [--scale 1.0] [--due-now]");
        return 2;
    }
}

public sealed class SeedException(string message) : Exception(message);

internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new();

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new SeedException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            o._values[name] = value;
        }
        return o;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);
    public bool Has(string name) => _values.ContainsKey(name);
    public string Required(string name) => Get(name) ?? throw new SeedException($"--{name} is required");
}

/// <summary>The bench-only tenants: the twelve voivodeships that have no folder in the repository.</summary>
internal static class TenantFiles
{
    public sealed record Voivodeship(string Slug, string Name, string NameEn, string City, string CityLocative);

    public static readonly Voivodeship[] Others =
    [
        new("dolnoslaskie", "Województwo dolnośląskie", "Lower Silesian Voivodeship", "Wrocław", "we Wrocławiu"),
        new("kujawsko-pomorskie", "Województwo kujawsko-pomorskie", "Kuyavian-Pomeranian Voivodeship", "Toruń", "w Toruniu"),
        new("lodzkie", "Województwo łódzkie", "Łódź Voivodeship", "Łódź", "w Łodzi"),
        new("lubuskie", "Województwo lubuskie", "Lubusz Voivodeship", "Zielona Góra", "w Zielonej Górze"),
        new("opolskie", "Województwo opolskie", "Opole Voivodeship", "Opole", "w Opolu"),
        new("podkarpackie", "Województwo podkarpackie", "Subcarpathian Voivodeship", "Rzeszów", "w Rzeszowie"),
        new("podlaskie", "Województwo podlaskie", "Podlaskie Voivodeship", "Białystok", "w Białymstoku"),
        new("pomorskie", "Województwo pomorskie", "Pomeranian Voivodeship", "Gdańsk", "w Gdańsku"),
        new("slaskie", "Województwo śląskie", "Silesian Voivodeship", "Katowice", "w Katowicach"),
        new("swietokrzyskie", "Województwo świętokrzyskie", "Holy Cross Voivodeship", "Kielce", "w Kielcach"),
        new("wielkopolskie", "Województwo wielkopolskie", "Greater Poland Voivodeship", "Poznań", "w Poznaniu"),
        new("zachodniopomorskie", "Województwo zachodniopomorskie", "West Pomeranian Voivodeship", "Szczecin", "w Szczecinie"),
    ];

    public static Guid IdOf(string slug) => new(MD5.HashData(Encoding.UTF8.GetBytes("esregions-bench:" + slug)));

    public static void Write(string from, string to)
    {
        var registryFile = Path.Combine(from, "tenants.json");
        if (!File.Exists(registryFile)) throw new SeedException($"{registryFile} does not exist");
        if (Directory.Exists(to) && Directory.EnumerateFileSystemEntries(to).Any())
            throw new SeedException($"{to} is not empty; give an empty or new folder");
        CopyDirectory(from, to);

        var registry = JsonNode.Parse(File.ReadAllText(registryFile))!.AsObject();
        var list = registry["tenants"]!.AsArray();
        var known = list.Select(t => (string)t!["slug"]!).ToHashSet();
        // The template: a real tenant's settings (reminder kinds, plan levels), with the operator and committee renamed.
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(from, "lubelskie", "tenant.json")))!.AsObject();
        foreach (var v in Others.Where(v => !known.Contains(v.Slug)))
        {
            list.Add(new JsonObject
            {
                ["id"] = IdOf(v.Slug).ToString(),
                ["slug"] = v.Slug,
                ["name"] = v.Name,
                ["nameEn"] = v.NameEn,
                ["hosts"] = new JsonArray(JsonValue.Create($"{v.Slug}.localhost")),
                ["state"] = "active",
            });
            var settings = template.DeepClone().AsObject();
            var op = settings["operator"]!.AsObject();
            var email = $"rops@{v.Slug}.bench.test";
            op["name"] = $"Regionalny Ośrodek Polityki Społecznej {v.CityLocative}";
            op["shortName"] = $"ROPS {v.City}";
            op["address"] = new JsonObject { ["street"] = "ul. Testowa 1", ["postalCode"] = "00-001", ["city"] = v.City };
            op["email"] = email;
            op["sender"] = new JsonObject { ["name"] = $"ROPS {v.CityLocative} (dane testowe)", ["email"] = email };
            op["signature"] = $"Regionalny Ośrodek Polityki Społecznej {v.CityLocative}\nul. Testowa 1, 00-001 {v.City}";
            settings["committee"] = new JsonObject
            {
                ["name"] = $"Regionalny Komitet Rozwoju Ekonomii Społecznej ({v.Name}, dane testowe)",
                ["shortName"] = "RKRES",
                ["kind"] = "committee",
            };
            Directory.CreateDirectory(Path.Combine(to, v.Slug));
            File.WriteAllText(Path.Combine(to, v.Slug, "tenant.json"), settings.ToJsonString(Json));
        }
        File.WriteAllText(Path.Combine(to, "tenants.json"), registry.ToJsonString(Json));
        Console.WriteLine($"seed: {list.Count} tenants in {to}");
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

internal sealed record TenantInfo(Guid Id, string Slug, string TopLevel, string SecondLevel);

/// <summary>The national data set, written table by table with binary COPY.</summary>
internal static class DataSet
{
    public const string PlanSourceFile = "bench/plan-2016-2030.json";
    private const int FirstYear = 2016;
    private const int Years = 10;
    private static readonly DateTime SeededAt = new(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc);

    public static async Task SeedAsync(string conn, string tenantsDir, double scale, bool dueNow)
    {
        var watch = Stopwatch.StartNew();
        var tenants = ReadTenants(tenantsDir);
        int Scaled(int n) => Math.Max(1, (int)Math.Round(n * scale));
        var directionsPerPriority = 10;
        var priorities = 5;
        var actionsPerTenant = Scaled(2000);
        var members = Scaled(300);
        var entries = Scaled(1000);
        var comments = Scaled(5000);
        var participants = Math.Max(1, comments / 10);
        var reminders = Scaled(100_000);
        var due = Scaled(10_000);

        await using var source = NpgsqlDataSource.Create(conn);
        await using var db = await source.OpenConnectionAsync();
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM plans WHERE source_file = @f", db))
        {
            check.Parameters.AddWithValue("f", PlanSourceFile);
            if ((long)(await check.ExecuteScalarAsync())! > 0) throw new SeedException("the database already holds the bench data set");
        }
        var codes = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT code FROM indicator_catalogue ORDER BY position", db))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) codes.Add(r.GetString(0));
        if (codes.Count == 0) throw new SeedException("indicator_catalogue is empty: start the app once on this database first");

        var rng = new Random(20261123);
        var plans = tenants.ToDictionary(t => t.Id, _ => Guid.CreateVersion7());
        await using var tx = await db.BeginTransactionAsync();

        await Copy(db, "plans (id, tenant_id, title, kind, year_from, year_to, status, source, notes, source_file, resolution, version, parent_plan_id, resolution_unknown)", w =>
        {
            foreach (var t in tenants)
            {
                w.StartRow();
                w.Write(plans[t.Id]); w.Write(t.Id);
                w.Write("Wieloletni plan działań na rzecz ekonomii społecznej 2016–2030 (dane testowe wydajności)", NpgsqlDbType.Varchar);
                w.Write("MultiYear", NpgsqlDbType.Varchar); w.Write(FirstYear); w.Write(2030);
                w.Write("Adopted", NpgsqlDbType.Varchar); w.Write("ops/bench/seed", NpgsqlDbType.Varchar);
                w.Write(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                w.Write(PlanSourceFile, NpgsqlDbType.Varchar);
                w.WriteNull(); w.Write(0); w.WriteNull(); w.WriteNull();
            }
        });

        // Tree: 5 top-level nodes × 10 second-level nodes, actions spread evenly over the 50 second-level nodes.
        var nodeIds = new Dictionary<Guid, (Guid[] Top, Guid[] Second)>();
        await Copy(db, "plan_nodes (id, tenant_id, plan_id, parent_id, level, code, title, position)", w =>
        {
            foreach (var t in tenants)
            {
                var top = new Guid[priorities];
                var second = new Guid[priorities * directionsPerPriority];
                for (var p = 0; p < priorities; p++)
                {
                    top[p] = Guid.CreateVersion7();
                    w.StartRow();
                    w.Write(top[p]); w.Write(t.Id); w.Write(plans[t.Id]); w.WriteNull();
                    w.Write(t.TopLevel, NpgsqlDbType.Varchar); w.Write($"{p + 1}", NpgsqlDbType.Varchar);
                    w.Write($"Priorytet {p + 1}. Rozwój ekonomii społecznej w obszarze {Areas[p % Areas.Length]}", NpgsqlDbType.Text);
                    w.Write(p);
                    for (var d = 0; d < directionsPerPriority; d++)
                    {
                        var id = second[p * directionsPerPriority + d] = Guid.CreateVersion7();
                        w.StartRow();
                        w.Write(id); w.Write(t.Id); w.Write(plans[t.Id]); w.Write(top[p]);
                        w.Write(t.SecondLevel, NpgsqlDbType.Varchar); w.Write($"{p + 1}.{d + 1}", NpgsqlDbType.Varchar);
                        w.Write($"Kierunek interwencji {p + 1}.{d + 1}: wsparcie podmiotów ekonomii społecznej i ich otoczenia", NpgsqlDbType.Text);
                        w.Write(d);
                    }
                }
                nodeIds[t.Id] = (top, second);
            }
        });

        var actionIds = new Dictionary<Guid, Guid[]>();
        var actionCodes = new Dictionary<Guid, string[]>();
        var actionNodeCodes = new Dictionary<Guid, string[]>();
        await Copy(db, "plan_actions (id, tenant_id, plan_id, node_id, code, name, description, product, implementers, coordinator, engaged_bodies, position, budget, timeframe)", w =>
        {
            foreach (var t in tenants)
            {
                var ids = new Guid[actionsPerTenant];
                var codesOf = new string[actionsPerTenant];
                var nodeCodes = new string[actionsPerTenant];
                var second = nodeIds[t.Id].Second;
                for (var a = 0; a < actionsPerTenant; a++)
                {
                    var n = a % second.Length;
                    var position = a / second.Length;
                    var nodeCode = $"{n / directionsPerPriority + 1}.{n % directionsPerPriority + 1}";
                    ids[a] = Guid.CreateVersion7();
                    codesOf[a] = $"{nodeCode}.{position + 1}";
                    nodeCodes[a] = nodeCode;
                    var year = FirstYear + a % 15;
                    w.StartRow();
                    w.Write(ids[a]); w.Write(t.Id); w.Write(plans[t.Id]); w.Write(second[n]);
                    w.Write(codesOf[a], NpgsqlDbType.Varchar);
                    w.Write($"Działanie {codesOf[a]}: {Actions[a % Actions.Length]}", NpgsqlDbType.Text);
                    w.Write("Organizacja spotkań, szkoleń i doradztwa dla podmiotów ekonomii społecznej oraz jednostek samorządu terytorialnego w regionie.", NpgsqlDbType.Text);
                    w.Write("Raport z realizacji działania", NpgsqlDbType.Text);
                    w.Write(new[] { "ROPS", "OWES", "JST" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    w.Write("ROPS", NpgsqlDbType.Varchar);
                    w.Write(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    w.Write(position);
                    var amount = 10_000 + rng.Next(0, 90) * 1_000;
                    w.Write($$"""[{"Text": "{{amount}} zł (EFS+)", "Amount": {{amount}}, "Source": "EFS+"}]""", NpgsqlDbType.Jsonb);
                    w.Write($$"""{"To": "{{year}}-12-31", "From": "{{year}}-01-01", "Text": "I-IV kwartał {{year}}"}""", NpgsqlDbType.Jsonb);
                }
                actionIds[t.Id] = ids;
                actionCodes[t.Id] = codesOf;
                actionNodeCodes[t.Id] = nodeCodes;
            }
        });

        // Two indicators per action; the first carries a catalogue code so that publishing reaches Comparison.
        var indicatorIds = new Dictionary<Guid, Guid[]>();
        await Copy(db, "indicators (id, tenant_id, action_id, name, target_kind, target_value, target_unit, target_text, baseline, catalogue_code, position)", w =>
        {
            foreach (var t in tenants)
            {
                var actions = actionIds[t.Id];
                var ids = new Guid[actions.Length * 2];
                for (var a = 0; a < actions.Length; a++)
                    for (var k = 0; k < 2; k++)
                    {
                        var i = ids[a * 2 + k] = Guid.CreateVersion7();
                        var target = 10 + (a * 7 + k * 13) % 190;
                        w.StartRow();
                        w.Write(i); w.Write(t.Id); w.Write(actions[a]);
                        w.Write(k == 0 ? "Liczba podmiotów ekonomii społecznej objętych wsparciem" : "Liczba uczestników spotkań i szkoleń", NpgsqlDbType.Text);
                        w.Write("Count", NpgsqlDbType.Varchar); w.Write((decimal)target);
                        w.Write(k == 0 ? "podmioty" : "osoby", NpgsqlDbType.Varchar);
                        w.Write(k == 0 ? $"{target} podmiotów" : $"{target} osób", NpgsqlDbType.Text);
                        w.WriteNull();
                        if (k == 0) w.Write(codes[a % codes.Count], NpgsqlDbType.Varchar); else w.WriteNull();
                        w.Write(k);
                    }
                indicatorIds[t.Id] = ids;
            }
        });

        var trackIds = new Dictionary<Guid, Guid[]>();
        await Copy(db, "monitoring_indicator_tracks (id, tenant_id, plan_id, indicator_id, node_code, action_code, indicator_name, position, organisation_id)", w =>
        {
            foreach (var t in tenants)
            {
                var indicators = indicatorIds[t.Id];
                var ids = new Guid[indicators.Length];
                for (var i = 0; i < indicators.Length; i++)
                {
                    ids[i] = Guid.CreateVersion7();
                    w.StartRow();
                    w.Write(ids[i]); w.Write(t.Id); w.Write(plans[t.Id]); w.Write(indicators[i]);
                    w.Write(actionNodeCodes[t.Id][i / 2], NpgsqlDbType.Varchar); w.Write(actionCodes[t.Id][i / 2], NpgsqlDbType.Varchar);
                    w.Write(i % 2 == 0 ? "Liczba podmiotów ekonomii społecznej objętych wsparciem" : "Liczba uczestników spotkań i szkoleń", NpgsqlDbType.Varchar);
                    w.Write(i); w.WriteNull();
                }
                trackIds[t.Id] = ids;
            }
        });

        // Ten years of entered annual values; the catalogue-mapped ones are summed into published values below.
        var published = new Dictionary<(Guid Tenant, int Year, string Code), (decimal Sum, int Count)>();
        await Copy(db, "monitoring_indicator_values (id, tenant_id, track_id, period, number, text, comment, assessment, entered_by, entered_at)", w =>
        {
            foreach (var t in tenants)
            {
                var tracks = trackIds[t.Id];
                for (var i = 0; i < tracks.Length; i++)
                    for (var y = 0; y < Years; y++)
                    {
                        var value = (decimal)rng.Next(0, 200);
                        w.StartRow();
                        w.Write(Guid.CreateVersion7()); w.Write(t.Id); w.Write(tracks[i]);
                        w.Write($"{FirstYear + y}", NpgsqlDbType.Varchar); w.Write(value);
                        w.WriteNull(); w.WriteNull(); w.WriteNull();
                        w.Write("bench-seed", NpgsqlDbType.Varchar); w.Write(SeededAt, NpgsqlDbType.TimestampTz);
                        if (i % 2 == 0)
                        {
                            var key = (t.Id, FirstYear + y, codes[(i / 2) % codes.Count]);
                            var (sum, count) = published.GetValueOrDefault(key);
                            published[key] = (sum + value, count + 1);
                        }
                    }
            }
        });

        await Copy(db, "monitoring_report_publications (id, tenant_id, plan_id, year, published_at, published_by, values)", w =>
        {
            foreach (var t in tenants)
                for (var y = 0; y < Years; y++)
                {
                    w.StartRow();
                    w.Write(Guid.CreateVersion7()); w.Write(t.Id); w.Write(plans[t.Id]); w.Write(FirstYear + y);
                    w.Write(SeededAt, NpgsqlDbType.TimestampTz); w.Write("bench-seed", NpgsqlDbType.Varchar);
                    w.Write(published.Count(p => p.Key.Tenant == t.Id && p.Key.Year == FirstYear + y));
                }
        });

        await Copy(db, "published_indicator_values (id, region_id, region_slug, plan_id, year, catalogue_code, value, indicators, published_at)", w =>
        {
            var slugs = tenants.ToDictionary(t => t.Id, t => t.Slug);
            foreach (var ((tenant, year, code), (sum, count)) in published)
            {
                w.StartRow();
                w.Write(Guid.CreateVersion7()); w.Write(tenant); w.Write(slugs[tenant], NpgsqlDbType.Varchar); w.Write(plans[tenant]);
                w.Write(year); w.Write(code, NpgsqlDbType.Varchar); w.Write(sum); w.Write(count); w.Write(SeededAt, NpgsqlDbType.TimestampTz);
            }
        });

        var committees = tenants.ToDictionary(t => t.Id, _ => Guid.CreateVersion7());
        await Copy(db, "committees (id, tenant_id, key, name, short_name, kind, parent_id, mandate, plan_priorities, source)", w =>
        {
            foreach (var t in tenants)
            {
                w.StartRow();
                w.Write(committees[t.Id]); w.Write(t.Id); w.Write("bench-komitet", NpgsqlDbType.Varchar);
                w.Write("Komitet testu wydajności (dane syntetyczne)", NpgsqlDbType.Varchar); w.Write("KTW", NpgsqlDbType.Varchar);
                w.Write("Committee", NpgsqlDbType.Varchar); w.WriteNull();
                w.Write("Komitet wygenerowany przez ops/bench/seed na potrzeby pomiaru wydajności.", NpgsqlDbType.Varchar);
                w.Write(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text); w.Write("ops/bench/seed", NpgsqlDbType.Varchar);
            }
        });

        string[] seats = ["LocalGovernment", "SocialEconomyEntity", "SupportCentre", "SocialAssistanceUnit", "LabourMarketInstitution", "University", "Other"];
        await Copy(db, "committee_members (id, tenant_id, committee_id, full_name, email, institution, seat, role, term_from, term_to, left_on, feed_token_hash)", w =>
        {
            foreach (var t in tenants)
                for (var m = 0; m < members; m++)
                {
                    w.StartRow();
                    w.Write(Guid.CreateVersion7()); w.Write(t.Id); w.Write(committees[t.Id]);
                    w.Write($"{FirstNames[m % FirstNames.Length]} {LastNames[m / FirstNames.Length % LastNames.Length]} {m + 1}", NpgsqlDbType.Varchar);
                    w.Write($"czlonek{m + 1}@{t.Slug}.bench.test", NpgsqlDbType.Varchar);
                    w.Write($"Instytucja nr {m % 60 + 1}", NpgsqlDbType.Varchar);
                    w.Write(seats[m % seats.Length], NpgsqlDbType.Varchar);
                    w.Write(m == 0 ? "Chair" : m == 1 ? "DeputyChair" : m == 2 ? "Secretary" : "Member", NpgsqlDbType.Varchar);
                    w.Write(new DateOnly(2024, 1, 1), NpgsqlDbType.Date); w.Write(new DateOnly(2028, 12, 31), NpgsqlDbType.Date);
                    w.WriteNull(); w.WriteNull();
                }
        });

        // 1,000 calendar entries per tenant over 2024-2027 (about 21 a month), a mix of exact days and fuzzy months.
        await Copy(db, "meetings (id, tenant_id, title, kind, date_text, date_from, date_to, date_precision, starts_at, ends_at, location, online, online_url, organiser, agenda, notes, committee_id, is_public, sequence, cancelled_at, source_key, minutes, minutes_url, minutes_recorded_at, materials)", w =>
        {
            var start = new DateOnly(2024, 1, 1);
            foreach (var t in tenants)
                for (var e = 0; e < entries; e++)
                {
                    var day = start.AddDays((int)((long)e * 4 * 365 / entries));
                    var fuzzy = e % 5 == 4;
                    var from = fuzzy ? new DateOnly(day.Year, day.Month, 1) : day;
                    var to = fuzzy ? from.AddMonths(1).AddDays(-1) : day;
                    w.StartRow();
                    w.Write(Guid.CreateVersion7()); w.Write(t.Id);
                    w.Write($"{Meetings[e % Meetings.Length]} nr {e + 1}", NpgsqlDbType.Varchar);
                    w.Write(fuzzy ? "Task" : "Meeting", NpgsqlDbType.Varchar);
                    w.Write(fuzzy ? MonthName(from.Month) + " " + from.Year : $"{day.Day} {MonthGenitive(day.Month)} {day.Year}", NpgsqlDbType.Varchar);
                    w.Write(from, NpgsqlDbType.Date); w.Write(to, NpgsqlDbType.Date);
                    w.Write(fuzzy ? "Month" : "Day", NpgsqlDbType.Varchar);
                    if (fuzzy) { w.WriteNull(); w.WriteNull(); }
                    else
                    {
                        var at = new DateTime(day.Year, day.Month, day.Day, 9, 0, 0, DateTimeKind.Utc);
                        w.Write(at, NpgsqlDbType.TimestampTz); w.Write(at.AddHours(2), NpgsqlDbType.TimestampTz);
                    }
                    w.Write("Sala konferencyjna ROPS", NpgsqlDbType.Varchar); w.Write(false);
                    w.WriteNull(); w.Write("ROPS", NpgsqlDbType.Varchar); w.WriteNull(); w.WriteNull();
                    if (e % 3 == 0) w.Write(committees[t.Id]); else w.WriteNull();
                    w.Write(true); w.Write(0); w.WriteNull();
                    w.Write($"bench:{e + 1}", NpgsqlDbType.Varchar);
                    w.WriteNull(); w.WriteNull(); w.WriteNull();
                    w.Write("[]", NpgsqlDbType.Jsonb);
                }
        });

        var consultations = tenants.ToDictionary(t => t.Id, _ => Guid.CreateVersion7());
        await Copy(db, "consultations (id, tenant_id, title, plan_id, plan_version, programme, opens_on, closes_on, effective_closes_on, closes_at, phase, public_key, opened_at, closed_at, report_published_at)", w =>
        {
            foreach (var t in tenants)
            {
                w.StartRow();
                w.Write(consultations[t.Id]); w.Write(t.Id);
                w.Write("Konsultacje wieloletniego planu działań (dane testowe wydajności)", NpgsqlDbType.Varchar);
                w.Write(plans[t.Id]); w.WriteNull(); w.Write(false);
                w.Write(new DateOnly(2026, 1, 15), NpgsqlDbType.Date); w.Write(new DateOnly(2026, 2, 13), NpgsqlDbType.Date);
                w.Write(new DateOnly(2026, 2, 13), NpgsqlDbType.Date); w.Write(new DateTime(2026, 2, 13, 22, 59, 59, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                w.Write("Closed", NpgsqlDbType.Varchar); w.WriteNull();
                w.Write(SeededAt, NpgsqlDbType.TimestampTz); w.Write(new DateTime(2026, 2, 13, 23, 0, 0, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                w.WriteNull();
            }
        });

        var participantIds = new Dictionary<Guid, Guid[]>();
        await Copy(db, "consultation_participants (id, tenant_id, consultation_id, name, email, organisation, source, added_at, invited_at, removed_at)", w =>
        {
            foreach (var t in tenants)
            {
                var ids = new Guid[participants];
                for (var p = 0; p < participants; p++)
                {
                    ids[p] = Guid.CreateVersion7();
                    w.StartRow();
                    w.Write(ids[p]); w.Write(t.Id); w.Write(consultations[t.Id]);
                    w.Write($"Uczestnik konsultacji {p + 1}", NpgsqlDbType.Varchar); w.Write($"uczestnik{p + 1}@{t.Slug}.bench.test", NpgsqlDbType.Varchar);
                    w.Write($"Organizacja {p % 80 + 1}", NpgsqlDbType.Varchar); w.Write("bench", NpgsqlDbType.Varchar);
                    w.Write(SeededAt, NpgsqlDbType.TimestampTz); w.Write(SeededAt, NpgsqlDbType.TimestampTz); w.WriteNull();
                }
                participantIds[t.Id] = ids;
            }
        });

        await Copy(db, "consultation_comments (id, tenant_id, consultation_id, participant_id, element_id, text, proposal, justification, created_at, updated_at, withdrawn_at, decision, response_justification, responded_at)", w =>
        {
            foreach (var t in tenants)
                for (var c = 0; c < comments; c++)
                {
                    var at = SeededAt.AddMinutes(c);
                    w.StartRow();
                    w.Write(Guid.CreateVersion7()); w.Write(t.Id); w.Write(consultations[t.Id]); w.Write(participantIds[t.Id][c % participants]);
                    w.WriteNull();
                    w.Write($"Uwaga nr {c + 1}: proponujemy doprecyzować zapis dotyczący wsparcia podmiotów ekonomii społecznej w działaniu {c % 200 + 1}.", NpgsqlDbType.Varchar);
                    w.Write("Dodać zapis o współpracy z OWES.", NpgsqlDbType.Varchar);
                    w.Write("Zapis zwiększy skuteczność działania.", NpgsqlDbType.Varchar);
                    w.Write(at, NpgsqlDbType.TimestampTz); w.Write(at, NpgsqlDbType.TimestampTz); w.WriteNull();
                    if (c % 2 == 0)
                    {
                        w.Write(c % 4 == 0 ? "Accepted" : "Rejected", NpgsqlDbType.Varchar);
                        w.Write("Uwaga rozpatrzona przez zespół.", NpgsqlDbType.Varchar); w.Write(at.AddDays(20), NpgsqlDbType.TimestampTz);
                    }
                    else { w.WriteNull(); w.WriteNull(); w.WriteNull(); }
                }
        });

        // 100,000 scheduled reminders: the due ones (bench:due:*) and the rest spread over the next two years.
        var now = DateTime.UtcNow;
        await Copy(db, "reminders (id, tenant_id, kind, subject_type, subject_id, subject_title, link_path, deadline, due_at, occurrence_key, audience_rule, state, sent_at, recipients)", w =>
        {
            for (var r = 0; r < reminders; r++)
            {
                var t = tenants[r % tenants.Count];
                var isDue = r < due;
                var dueAt = isDue ? (dueNow ? now.AddMinutes(-1) : now.AddDays(365)) : now.AddDays(2 + r % 700).AddMinutes(r % 1440);
                w.StartRow();
                w.Write(Guid.CreateVersion7()); w.Write(t.Id); w.Write("meeting", NpgsqlDbType.Varchar);
                w.Write("Bench", NpgsqlDbType.Varchar); w.Write(Guid.CreateVersion7());
                w.Write($"Posiedzenie testowe nr {r + 1}", NpgsqlDbType.Varchar); w.WriteNull();
                w.Write(DateOnly.FromDateTime(dueAt.AddDays(7)), NpgsqlDbType.Date); w.Write(dueAt, NpgsqlDbType.TimestampTz);
                w.Write(isDue ? $"bench:due:{r + 1}" : $"bench:later:{r + 1}", NpgsqlDbType.Varchar);
                w.Write("explicit", NpgsqlDbType.Varchar); w.Write("Scheduled", NpgsqlDbType.Varchar); w.WriteNull();
                w.Write($$"""[{"Address": "przypomnienie{{r + 1}}@{{t.Slug}}.bench.test", "Name": null}]""", NpgsqlDbType.Jsonb);
            }
        });

        await tx.CommitAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", db)) { analyze.CommandTimeout = 600; await analyze.ExecuteNonQueryAsync(); }
        Console.WriteLine($"seed: {tenants.Count} tenants × ({actionsPerTenant} actions, {actionsPerTenant * 2} indicators, {Years} years of values, " +
                          $"{members} members, {entries} calendar entries, {comments} comments); {reminders} reminders ({due} due); {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task Copy(NpgsqlConnection db, string target, Action<NpgsqlBinaryImporter> rows)
    {
        var watch = Stopwatch.StartNew();
        await using var writer = await db.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        rows(writer);
        var count = await writer.CompleteAsync();
        Console.Error.WriteLine($"seed: {target[..target.IndexOf(' ')],-32} {count,9} rows {watch.Elapsed.TotalSeconds,6:F1} s");
    }

    private static List<TenantInfo> ReadTenants(string dir)
    {
        var file = Path.Combine(dir, "tenants.json");
        if (!File.Exists(file)) throw new SeedException($"{file} does not exist");
        var list = new List<TenantInfo>();
        foreach (var t in JsonNode.Parse(File.ReadAllText(file))!["tenants"]!.AsArray())
        {
            var slug = (string)t!["slug"]!;
            var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, slug, "tenant.json")))!;
            var levels = settings["planLevels"]!.AsArray();
            list.Add(new TenantInfo(Guid.Parse((string)t["id"]!), slug, (string)levels[0]!["key"]!, (string)levels[Math.Min(1, levels.Count - 1)]!["key"]!));
        }
        return list;
    }

    private static readonly string[] Areas = ["rynku pracy", "usług społecznych", "edukacji", "współpracy z JST", "promocji"];
    private static readonly string[] Actions =
    [
        "Szkolenia dla kadr podmiotów ekonomii społecznej", "Wizyty studyjne w przedsiębiorstwach społecznych",
        "Doradztwo dla jednostek samorządu terytorialnego", "Kampania promująca zakupy społecznie odpowiedzialne",
        "Sieciowanie ośrodków wsparcia ekonomii społecznej", "Badanie kondycji sektora ekonomii społecznej",
    ];
    private static readonly string[] Meetings =
    [
        "Posiedzenie Regionalnego Komitetu Rozwoju Ekonomii Społecznej", "Spotkanie grupy roboczej ds. monitoringu",
        "Konferencja regionalna ekonomii społecznej", "Warsztaty dla OWES", "Szkolenie dla JST",
    ];
    private static readonly string[] FirstNames = ["Anna", "Piotr", "Katarzyna", "Tomasz", "Małgorzata", "Paweł", "Agnieszka", "Michał", "Ewa", "Krzysztof"];
    private static readonly string[] LastNames = ["Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański", "Woźniak", "Dąbrowska"];

    private static string MonthName(int m) => CultureInfo.GetCultureInfo("pl-PL").DateTimeFormat.MonthNames[m - 1];
    private static string MonthGenitive(int m) => CultureInfo.GetCultureInfo("pl-PL").DateTimeFormat.MonthGenitiveNames[m - 1];
}
