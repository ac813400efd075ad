namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// How the reminders page names each kind (tenant.json reminders.kinds) and whom it reaches; Polish keys of the shared
/// resources. The audiences are resolved when a reminder fires (see the modules' IReminderAudience rules).
/// </summary>
public static class ReminderKinds
{
    public static string Label(string kind) => kind switch
    {
        "consultationClosing" => "Konsultacje się kończą",
        "consultationClosed" => "Konsultacje zakończone",
        "reportingDue" => "Termin sprawozdania",
        "reportingOverdue" => "Sprawozdanie po terminie",
        "reportingEscalation" => "Brak sprawozdania po terminie",
        "meeting" => "Zbliżające się spotkanie",
        "minutesMissing" => "Brak protokołu",
        "termEnding" => "Koniec kadencji",
        "callDeadline" => "Koniec przyjmowania zgłoszeń",
        "callConfirmation" => "Decyzje w naborze",
        "scheduleTaskDue" => "Zadanie harmonogramu",
        _ => kind,
    };

    public static string Audience(string kind) => kind switch
    {
        "consultationClosing" => "uczestnicy, którzy nie zgłosili uwag",
        "consultationClosed" or "scheduleTaskDue" => "pracownicy regionu",
        "reportingDue" or "reportingOverdue" => "realizatorzy, którym brakuje wartości",
        "reportingEscalation" => "pracownicy regionu, dopóki brakuje wartości",
        "meeting" => "zaproszeni, którzy nie odmówili",
        "minutesMissing" => "sekretariat, dopóki nie ma protokołu",
        "termEnding" => "sekretariat i członek",
        "callDeadline" => "sekretariat",
        "callConfirmation" => "sekretariat, dopóki zgłoszenia czekają na decyzję",
        _ => "",
    };

    /// <summary>Kinds about committees and their meetings: the secretariat's to hold back or release (staff's: every kind).</summary>
    public static bool IsCommittees(string kind) =>
        kind is "meeting" or "minutesMissing" or "termEnding" or "callDeadline" or "callConfirmation";
}
