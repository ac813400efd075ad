using EsRegions.Web.Features.Plans;

namespace EsRegions.Web.Features.Monitoring;

public enum Status { NoData, Achieved, PartlyAchieved, NotAchieved, AwaitingAssessment }

/// <summary>
/// Status against target by the target's kind (pure rules, unit-tested):
/// count ("– 40", a planned quantity): reaching it is achieved, progress short of it partly achieved, nothing not achieved;
/// minimum ("min. 30", a floor): at or above is achieved, anything below not achieved;
/// share ("min. 35%", a floor in per cent): the same as minimum;
/// text ("skrócenie z 3 msc. do 1 msc."): no number can decide, so it is a person's assessment, awaited until given.
/// A manual assessment, where given, also decides a numeric indicator (staff may judge beyond the number).
/// </summary>
public static class IndicatorStatus
{
    public static Status Of(TargetKind kind, decimal? target, decimal? actual, string? text, Assessment? assessment)
    {
        if (assessment is { } a) return FromAssessment(a);
        if (kind == TargetKind.Text || target is null)
            return actual is null && string.IsNullOrWhiteSpace(text) ? Status.NoData : Status.AwaitingAssessment;
        if (actual is not { } value) return Status.NoData;
        return kind switch
        {
            TargetKind.Count => value >= target ? Status.Achieved : value > 0 ? Status.PartlyAchieved : Status.NotAchieved,
            _ => value >= target ? Status.Achieved : Status.NotAchieved,
        };
    }

    /// <summary>Whether the value needs an explanation: anything that is not achieved once a value is there.</summary>
    public static bool NeedsExplanation(Status status) => status is Status.NotAchieved or Status.PartlyAchieved;

    private static Status FromAssessment(Assessment a) => a switch
    {
        Assessment.Achieved => Status.Achieved,
        Assessment.PartlyAchieved => Status.PartlyAchieved,
        _ => Status.NotAchieved,
    };

    /// <summary>
    /// A level's status from its indicators: nothing reported is no data; every indicator achieved is achieved; some
    /// achieved or partly achieved is partly achieved; none of them but some not achieved is not achieved; only values
    /// waiting for an assessment is awaiting assessment.
    /// </summary>
    public static RollUp Roll(IEnumerable<Status> statuses)
    {
        var list = statuses.ToList();
        var counts = Enum.GetValues<Status>().ToDictionary(s => s, s => list.Count(x => x == s));
        Status overall;
        if (list.Count == 0 || counts[Status.NoData] == list.Count) overall = Status.NoData;
        else if (counts[Status.Achieved] == list.Count) overall = Status.Achieved;
        else if (counts[Status.Achieved] + counts[Status.PartlyAchieved] > 0) overall = Status.PartlyAchieved;
        else if (counts[Status.NotAchieved] > 0) overall = Status.NotAchieved;
        else overall = Status.AwaitingAssessment;
        return new RollUp(overall, list.Count, counts[Status.Achieved], counts[Status.PartlyAchieved], counts[Status.NotAchieved],
            counts[Status.NoData] + counts[Status.AwaitingAssessment]);
    }

    /// <summary>Polish label and a symbol: the status never depends on colour alone.</summary>
    public static (string Label, string Symbol) Mark(Status s) => s switch
    {
        Status.Achieved => ("osiągnięty", "✔"),
        Status.PartlyAchieved => ("częściowo osiągnięty", "◐"),
        Status.NotAchieved => ("nieosiągnięty", "✖"),
        Status.AwaitingAssessment => ("czeka na ocenę", "?"),
        _ => ("brak danych", "–"),
    };

    public static string Camel(Status s) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString());
}

/// <summary>A level's roll-up: its status and how many of its indicators are in each state.</summary>
public sealed record RollUp(Status Status, int Indicators, int Achieved, int PartlyAchieved, int NotAchieved, int Pending);
