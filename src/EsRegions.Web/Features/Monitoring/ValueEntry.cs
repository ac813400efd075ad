using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Monitoring;

/// <summary>What someone enters for an indicator and a period: a number, or text for a text target; a comment; an assessment.</summary>
public sealed record ValueInput(decimal? Number, string? Text, string? Comment, Assessment? Assessment);

public enum EntryOutcome { Saved, NotFound, Forbidden, Invalid }

public sealed record EntryResult(EntryOutcome Outcome, IndicatorValue? Value = null, Status Status = Status.NoData,
    IDictionary<string, string[]>? Errors = null);

/// <summary>
/// Entering a value (API and page alike): the period must belong to the plan's years and be open; the value must fit
/// the target's kind; a year's value off target needs an explanation (the comment); every change is kept as a revision.
/// </summary>
public sealed class ValueEntry(EsRegionsDbContext db, MonitoringAccess access, ReportingSchedule schedule, TimeProvider clock)
{
    public async Task<EntryResult> EnterAsync(Guid indicatorId, string periodText, ValueInput input, CancellationToken ct)
    {
        if (await MonitoredPlan.ForIndicatorAsync(db, indicatorId, ct) is not var (plan, indicator)) return new(EntryOutcome.NotFound);
        var track = plan.TrackOf(indicatorId);
        if (!await access.MayEnterAsync(track, ct)) return new(EntryOutcome.Forbidden);
        var errors = new Dictionary<string, string[]>();
        if (!ReportingPeriodKey.TryParse(periodText, out var key))
            return Invalid("period", "Okres zapisz jako rok (2024) albo kwartał (2024-Q2).");
        if (key.Value.Year < plan.Plan.YearFrom || key.Value.Year > plan.Plan.YearTo)
            return Invalid("period", $"Plan obejmuje lata {plan.Plan.YearFrom}–{plan.Plan.YearTo}.");
        var period = await schedule.FindAsync(plan.Plan.Id, key.Value, ct);
        if (period is null && !key.Value.IsAnnual)
            return Invalid("period", $"Kwartał {key.Value.Label} nie jest okresem sprawozdawczym tego planu.");
        period?.EnsureOpen();

        var ind = indicator.Indicator;
        if (ind.TargetKind == TargetKind.Text)
        {
            if (string.IsNullOrWhiteSpace(input.Text) && input.Number is null) errors["value"] = ["Opisz osiągniętą wartość."];
        }
        else if (input.Number is not { } n) errors["value"] = ["Podaj wartość liczbową."];
        else if (n < 0) errors["value"] = ["Wartość nie może być ujemna."];
        else if (ind.TargetKind == TargetKind.Share && n > 100) errors["value"] = ["Odsetek podaj w procentach (0–100)."];
        if (errors.Count > 0) return new(EntryOutcome.Invalid, Errors: errors);

        // A quarter's value is progress towards the year's target: judged alike, but only the year's value must explain a shortfall.
        var status = IndicatorStatus.Of(ind.TargetKind, ind.TargetValue, input.Number, input.Text, input.Assessment);
        if (key.Value.IsAnnual && IndicatorStatus.NeedsExplanation(status) && string.IsNullOrWhiteSpace(input.Comment))
            return Invalid("comment", "Wartość odbiega od docelowej: wyjaśnij przyczynę w komentarzu.");

        period ??= schedule.AddAnnual(plan.Plan.Id, key.Value);
        track = plan.EnsureTrack(db, indicator);
        var value = await db.Set<IndicatorValue>().FirstOrDefaultAsync(v => v.TrackId == track.Id && v.Period == key.Value.ToString(), ct);
        if (value is null) db.Add(value = new IndicatorValue(track.Id, key.Value));
        db.Add(value.Set(input.Number, input.Text, input.Comment, input.Assessment, access.Actor, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new(EntryOutcome.Saved, value, status);

        static EntryResult Invalid(string field, string message) => new(EntryOutcome.Invalid, Errors: new Dictionary<string, string[]> { [field] = [message] });
    }
}
