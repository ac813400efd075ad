namespace EsRegions.Web.Features.Plans;

/// <summary>
/// A status mark as the plan tree shows it: a stable key (for styling), a Polish label and a symbol, so that the
/// status never depends on colour alone. Plans knows nothing of how a status is decided.
/// </summary>
public sealed record PlanStatusMark(string Key, string Label, string Symbol);

/// <summary>A level's roll-up: its mark and how many of its indicators are achieved.</summary>
public sealed record PlanLevelStatus(PlanStatusMark Mark, int Indicators, int Achieved);

/// <summary>The status of a plan's indicators and levels in one reporting year, with every mark for the legend.</summary>
public sealed record PlanStatusView(
    int Year,
    IReadOnlyList<int> Years,
    PlanLevelStatus Plan,
    IReadOnlyDictionary<Guid, PlanLevelStatus> Nodes,
    IReadOnlyDictionary<Guid, PlanStatusMark> Indicators,
    IReadOnlyList<PlanStatusMark> Legend,
    string? ReportPath);

/// <summary>
/// Provided by another module (Monitoring) to show indicator status in the plan tree; the tree works without one.
/// </summary>
public interface IPlanStatusSource
{
    /// <summary>The status in <paramref name="year"/>, or in the latest year with values when null; null when the plan has no values.</summary>
    /// <param name="rows">The plan's rows when the caller has already read them (untracked), so they are not read twice.</param>
    Task<PlanStatusView?> ForPlanAsync(Guid planId, int? year, CancellationToken ct, PlanRows? rows = null);
}

/// <summary>
/// Provided by another module (Monitoring): how many values were reported for a plan's indicators, so that Plans can
/// say what removing an indicator or an action would hide. Plans works without one (it then says nothing).
/// </summary>
public interface IReportedValues
{
    /// <summary>Reported values (every period) per indicator of <paramref name="planId"/>; indicators without one are absent.</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountAsync(Guid planId, IReadOnlyCollection<Guid> indicatorIds, CancellationToken ct);
}

/// <summary>A consultation of a plan as the plan's state page lists it; <see cref="Phase"/> is the interface's Polish word.</summary>
public sealed record PlanConsultation(string Title, int? PlanVersion, string Phase, DateOnly OpensOn, DateOnly ClosesOn, string Path);

/// <summary>
/// Provided by another module (Consultations): the consultations of a plan, newest first, so that its state page leads
/// from drafting through consultation to adoption. Plans works without one (it then lists none).
/// </summary>
public interface IPlanConsultations
{
    Task<IReadOnlyList<PlanConsultation>> ForPlanAsync(Guid planId, CancellationToken ct);
}
