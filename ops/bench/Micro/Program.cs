using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Monitoring;
using EsRegions.Web.Features.Plans;

namespace EsRegions.Bench.Micro;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

/// <summary>Fuzzy calendar dates as the seeds write them ("Połowa lutego", "II-IV kwartał 2024", ...).</summary>
[MemoryDiagnoser]
public class FuzzyDateParsing
{
    private static readonly string[] Texts =
    [
        "12 stycznia", "Połowa lutego", "Do 4 kwietnia", "17-18 listopada", "II-IV kwartał 2024", "marzec", "I kwartał",
        "Koniec czerwca", "3 października 2025", "wrzesień-październik",
    ];

    [Benchmark(Description = "FuzzyDate.TryParse x10 texts")]
    public int Parse()
    {
        var ok = 0;
        foreach (var t in Texts) if (FuzzyDate.TryParse(t, 2026, out _)) ok++;
        return ok;
    }
}

/// <summary>The tenant's iCalendar feed of 1,000 calendar entries (the bench data set's calendar).</summary>
[MemoryDiagnoser]
public class ICalendarBuilding
{
    private List<Meeting> _meetings = [];

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateOnly(2024, 1, 1);
        _meetings = Enumerable.Range(0, 1000).Select(i =>
        {
            var day = start.AddDays(i * 365 * 4 / 1000);
            var m = new Meeting($"Posiedzenie komitetu nr {i + 1}", MeetingKind.Meeting, FuzzyDate.Parse($"{day.Day} {Genitive(day.Month)} {day.Year}", day.Year));
            var at = new DateTimeOffset(day.Year, day.Month, day.Day, 9, 0, 0, TimeSpan.Zero);
            m.Schedule(m.Date, at, at.AddHours(2), "Sala konferencyjna ROPS", false, null);
            return m;
        }).ToList();
    }

    [Benchmark(Description = "ICalendarWriter.Feed 1,000 meetings")]
    public int Feed() => ICalendarWriter.Feed("Kalendarz ROPS", _meetings, DateTimeOffset.UnixEpoch, _ => "Porządek obrad w załączniku.").Length;

    private static string Genitive(int m) => System.Globalization.CultureInfo.GetCultureInfo("pl-PL").DateTimeFormat.MonthGenitiveNames[m - 1];
}

/// <summary>Plan tree assembly (PlanQueries.Assemble) for the bench plan: 5 × 10 nodes, 2,000 actions, 4,000 indicators.</summary>
[MemoryDiagnoser]
public class PlanTreeAssembly
{
    private PlanRows _rows = null!;
    private readonly List<string> _labels = ["Priorytet", "Kierunek interwencji", "Działanie"];

    [GlobalSetup]
    public void Setup()
    {
        var plan = new Plan("Plan testowy 2016–2030", PlanKind.MultiYear, 2016, 2030, PlanStatus.Adopted, null, null, [], null);
        var nodes = new List<PlanNode>();
        var actions = new List<PlanAction>();
        var indicators = new List<Indicator>();
        for (var p = 0; p < 5; p++)
        {
            var top = new PlanNode(plan.Id, null, "priority", $"{p + 1}", $"Priorytet {p + 1}", p);
            nodes.Add(top);
            for (var d = 0; d < 10; d++)
            {
                var dir = new PlanNode(plan.Id, top.Id, "interventionDirection", $"{p + 1}.{d + 1}", $"Kierunek {p + 1}.{d + 1}", d);
                nodes.Add(dir);
                for (var a = 0; a < 40; a++)
                {
                    var action = new PlanAction(plan.Id, dir.Id, a, $"{p + 1}.{d + 1}.{a + 1}", "Szkolenia dla kadr PES", "Opis działania", "Raport",
                        [new BudgetLine(10_000, "EFS+", "10 000 zł")], new Timeframe("I-IV kwartał 2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
                        ["ROPS", "OWES"], "ROPS", []);
                    actions.Add(action);
                    indicators.Add(new Indicator(action.Id, 0, "Liczba PES objętych wsparciem", TargetKind.Count, 50, "podmioty", "50 podmiotów", null, "ES.PS.AKTYWNE"));
                    indicators.Add(new Indicator(action.Id, 1, "Liczba uczestników", TargetKind.Count, 120, "osoby", "120 osób", null, null));
                }
            }
        }
        _rows = new PlanRows(plan, nodes.ToLookup(n => n.ParentId), actions.ToLookup(a => a.NodeId), indicators.ToLookup(i => i.ActionId));
    }

    [Benchmark(Description = "PlanQueries.Assemble 2,000 actions")]
    public int Assemble() => PlanQueries.Assemble(_rows, _labels).Nodes.Count;
}

/// <summary>Status of 4,000 indicators and their roll-up per node (50 nodes of 80 indicators), as the annual report does.</summary>
[MemoryDiagnoser]
public class StatusRollUp
{
    private (decimal Target, decimal? Actual)[] _values = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(9);
        _values = Enumerable.Range(0, 4000).Select(_ => ((decimal)rng.Next(10, 200), rng.Next(0, 10) == 0 ? (decimal?)null : rng.Next(0, 250))).ToArray();
    }

    [Benchmark(Description = "IndicatorStatus.Of x4,000 + Roll x50")]
    public int RollUp()
    {
        var achieved = 0;
        for (var n = 0; n < 50; n++)
        {
            var statuses = new List<Status>(80);
            for (var i = n * 80; i < (n + 1) * 80; i++)
                statuses.Add(IndicatorStatus.Of(TargetKind.Count, _values[i].Target, _values[i].Actual, null, null));
            achieved += IndicatorStatus.Roll(statuses).Achieved;
        }
        return achieved;
    }
}
