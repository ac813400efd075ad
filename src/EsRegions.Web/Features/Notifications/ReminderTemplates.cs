using System.Globalization;

namespace EsRegions.Web.Features.Notifications;

/// <summary>The text of each reminder kind, in Polish and English.</summary>
public static class ReminderTemplates
{
    /// <param name="linkPath">The recipient's own link, replacing the reminder's shared one (see IReminderAudience).</param>
    public static EmailBody For(Reminder reminder, CultureInfo culture, string? linkPath = null)
    {
        var en = culture.TwoLetterISOLanguageName == "en";
        // Polish dates end with "r." (roku): a Polish sentence ending on the date takes no second full stop.
        var date = reminder.Deadline.ToString(en ? "d MMMM yyyy" : "d MMMM yyyy 'r.'", culture);
        var t = reminder.SubjectTitle;
        var (subject, text, action) = (reminder.Kind, en) switch
        {
            ("consultationClosing", false) => ($"Przypomnienie: konsultacje „{t}” trwają do {date}",
                $"Przypominamy, że konsultacje „{t}” trwają do {date} Uwagi można przesłać do tego dnia.", "Przejdź do konsultacji"),
            ("consultationClosing", true) => ($"Reminder: the consultation “{t}” closes on {date}",
                $"The consultation “{t}” is open until {date}. Please send your comments by then.", "Open the consultation"),
            ("consultationClosed", false) => ($"Konsultacje „{t}” zakończyły się",
                $"Konsultacje „{t}” zakończyły się {date} Zgłoszone uwagi czekają na stanowisko; raport z konsultacji można opublikować, gdy każda uwaga będzie miała odpowiedź.",
                "Uwagi i stanowiska"),
            ("consultationClosed", true) => ($"The consultation “{t}” has closed",
                $"The consultation “{t}” closed on {date}. The comments are waiting for responses; the report can be published once every comment has one.",
                "Comments and responses"),
            ("reportingDue", false) => ($"Przypomnienie: termin sprawozdania „{t}” upływa {date}",
                $"Przypominamy o terminie przekazania wartości wskaźników za okres „{t}”: {date}", "Wprowadź wartości wskaźników"),
            ("reportingDue", true) => ($"Reminder: the report “{t}” is due on {date}",
                $"The indicator values for “{t}” are due on {date}.", "Enter indicator values"),
            ("reportingOverdue", false) => ($"Minął termin sprawozdania „{t}”",
                $"Termin przekazania wartości wskaźników za okres „{t}” upłynął {date} Prosimy o ich niezwłoczne uzupełnienie.", "Wprowadź wartości wskaźników"),
            ("reportingOverdue", true) => ($"The report “{t}” is overdue",
                $"The indicator values for “{t}” were due on {date}. Please enter them as soon as possible.", "Enter indicator values"),
            ("reportingEscalation", false) => ($"Brak sprawozdania „{t}” po terminie",
                $"Termin przekazania wartości wskaźników za okres „{t}” upłynął {date} Nie wszyscy realizatorzy wprowadzili wartości.", "Zobacz stan sprawozdania"),
            ("reportingEscalation", true) => ($"Report “{t}” still incomplete after its deadline",
                $"The indicator values for “{t}” were due on {date}. Some implementers have not entered them yet.", "See the report's status"),
            ("meeting", false) => ($"Przypomnienie: {t} — {date}", $"Przypominamy o spotkaniu „{t}” w dniu {date}", "Szczegóły spotkania"),
            ("meeting", true) => ($"Reminder: {t} — {date}", $"This is a reminder of the meeting “{t}” on {date}.", "Meeting details"),
            ("minutesMissing", false) => ($"Brak protokołu: {t}",
                $"Spotkanie „{t}” odbyło się {date}, a jego protokół nie został jeszcze dodany.", "Dodaj protokół"),
            ("minutesMissing", true) => ($"Minutes missing: {t}",
                $"The meeting “{t}” took place on {date} and its minutes have not been added yet.", "Add the minutes"),
            ("termEnding", false) => ($"Kończy się kadencja: {t}",
                $"Kadencja „{t}” kończy się {date} Przedłużenie kadencji albo dzień zakończenia członkostwa można wpisać na stronie członka.",
                "Strona członka"),
            ("termEnding", true) => ($"Term of office ending: {t}",
                $"The term of office “{t}” ends on {date}. An extended term or the day the membership ended can be entered on the member's page.",
                "Member's page"),
            ("callDeadline", false) => ($"Przypomnienie: zgłoszenia „{t}” do {date}",
                $"Przypominamy, że zgłoszenia w naborze „{t}” przyjmujemy do {date}", "Zobacz nabór"),
            ("callDeadline", true) => ($"Reminder: applications for “{t}” close on {date}",
                $"Applications for “{t}” are accepted until {date}.", "See the call"),
            ("callConfirmation", false) => ($"Zgłoszenia czekają na decyzję: „{t}”",
                $"W naborze „{t}” obiecaliśmy potwierdzić udział do {date} Część zgłoszeń nie została jeszcze rozpatrzona.", "Rozpatrz zgłoszenia"),
            ("callConfirmation", true) => ($"Applications awaiting a decision: “{t}”",
                $"The call “{t}” promised applicants an answer by {date}. Some applications have not been decided yet.", "Decide the applications"),
            ("scheduleTaskDue", false) => ($"Przypomnienie: zadanie harmonogramu „{t}” do {date}",
                $"Zadanie „{t}” z harmonogramu opracowania planu ma się zakończyć do {date} Jeśli jest wykonane, oznacz je w harmonogramie.", "Zobacz harmonogram"),
            ("scheduleTaskDue", true) => ($"Reminder: schedule task “{t}” due on {date}",
                $"The task “{t}” of the plan's drafting schedule is due on {date}. If it is done, mark it in the schedule.", "See the schedule"),
            _ => throw new ArgumentOutOfRangeException(nameof(reminder), reminder.Kind, "Unknown reminder kind."),
        };
        var link = linkPath ?? reminder.LinkPath;
        return new EmailBody(subject, [text], link is null ? null : new EmailAction(action, link));
    }
}
