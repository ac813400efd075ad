using EsRegions.Web.Features.Notifications;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// The consultation's dates, as Warsaw calendar days: comments are accepted from <see cref="OpensOn"/> through the end
/// of <see cref="EffectiveClosesOn"/> — <see cref="ClosesOn"/> moved to the next working day when the tenant's rule
/// (tenant.json reminders.moveDeadlineToNextWorkingDay) says so.
/// </summary>
public sealed record ConsultationSchedule(DateOnly OpensOn, DateOnly ClosesOn, DateOnly EffectiveClosesOn, DateTimeOffset ClosesAt)
{
    /// <summary>Art. 6 ust. 3 ustawy o zasadach prowadzenia polityki rozwoju: not less than 35 days for programme drafts.</summary>
    public const int ProgrammeMinimumDays = 35;

    public static ConsultationSchedule Create(DateOnly opensOn, DateOnly closesOn, bool moveToNextWorkingDay)
    {
        if (closesOn < opensOn) throw new ArgumentException("The closing date is before the opening date.", nameof(closesOn));
        var effective = PolishCalendar.AdjustDeadline(closesOn, moveToNextWorkingDay);
        return new ConsultationSchedule(opensOn, closesOn, effective, PolishCalendar.AtWarsawTime(effective.AddDays(1), TimeOnly.MinValue));
    }

    /// <summary>Days for comments, the opening and the (effective) closing day included.</summary>
    public int Days => EffectiveClosesOn.DayNumber - OpensOn.DayNumber + 1;

    public bool Moved => EffectiveClosesOn != ClosesOn;

    /// <summary>Warnings that do not block: staff may have reasons (e.g. an annual plan treated as a programme).</summary>
    public IReadOnlyList<ConsultationWarning> Warnings(bool programme)
    {
        var warnings = new List<ConsultationWarning>();
        if (programme && Days < ProgrammeMinimumDays)
            warnings.Add(new(ConsultationWarning.ShorterThanStatutory, $"Konsultacje projektu programu trwają {Days} dni, a ustawa o zasadach prowadzenia polityki rozwoju wymaga co najmniej {ProgrammeMinimumDays} dni."));
        if (Moved)
            warnings.Add(new(ConsultationWarning.ClosingDayMoved, $"Termin {ClosesOn:dd.MM.yyyy} przypada na dzień wolny od pracy: uwagi przyjmujemy do {EffectiveClosesOn:dd.MM.yyyy} (reguła regionu)."));
        return warnings;
    }
}

/// <summary>Something staff should know about the dates; never a reason to refuse them.</summary>
public sealed record ConsultationWarning(string Code, string Message)
{
    public const string ShorterThanStatutory = "shorterThan35Days";
    public const string ClosingDayMoved = "closingDayMoved";
}
