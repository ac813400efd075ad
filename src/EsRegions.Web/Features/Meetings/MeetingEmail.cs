using System.Globalization;
using EsRegions.Web.Features.Notifications;

namespace EsRegions.Web.Features.Meetings;

/// <summary>The words of a meeting's e-mails: date, time, place and online link in the body, not only in the .ics.</summary>
public static class MeetingEmail
{
    private static readonly CultureInfo Pl = CultureInfo.GetCultureInfo("pl-PL");

    public static EmailBody Body(Meeting m, BatchKind kind, string? rsvpPath)
    {
        var what = $"{MeetingText.Kind(m.Kind)} „{m.Title}”";
        var (subject, opening) = kind switch
        {
            BatchKind.Invitation => ($"Zaproszenie: {m.Title} — {When(m)}", $"Zapraszamy na {what}."),
            BatchKind.Update => ($"Zmiana: {m.Title} — {When(m)}", $"Zmieniły się szczegóły: {what}. Aktualne informacje poniżej."),
            _ => ($"Odwołane: {m.Title} — {When(m)}", $"Odwołujemy {what}. Przepraszamy za zmianę planów."),
        };
        var paragraphs = new List<string> { opening, $"Termin: {When(m)}" };
        if (m.Location is not null) paragraphs.Add($"Miejsce: {m.Location}");
        if (m.OnlineUrl is not null) paragraphs.Add($"Spotkanie online: {m.OnlineUrl}");
        else if (m.Online) paragraphs.Add("Spotkanie online (link prześlemy osobno).");
        if (kind != BatchKind.Cancellation && m.Agenda is not null) paragraphs.Add($"Porządek spotkania:\n{m.Agenda}");
        if (rsvpPath is not null)
            paragraphs.Add("Prosimy o odpowiedź przez poniższy link: weźmiesz udział, nie weźmiesz (możesz wskazać zastępcę) albo jeszcze nie wiesz. Odpowiedź można zmienić do rozpoczęcia spotkania.");
        return new EmailBody(subject, paragraphs, rsvpPath is null ? null : new EmailAction("Odpowiedz na zaproszenie", rsvpPath));
    }

    /// <summary>"wtorek, 17 marca 2026 r., godz. 10:00–12:00", or the day(s) of a dated entry; the written text for vaguer ones.</summary>
    public static string When(Meeting m)
    {
        if (m.StartsAt is { } start)
        {
            var s = TimeZoneInfo.ConvertTime(start, PolishCalendar.Warsaw);
            var text = s.ToString("dddd, d MMMM yyyy 'r., godz.' HH:mm", Pl);
            if (m.EndsAt is { } endsAt)
            {
                var e = TimeZoneInfo.ConvertTime(endsAt, PolishCalendar.Warsaw);
                text += e.Date == s.Date ? e.ToString("'–'HH:mm", Pl) : e.ToString("' – 'd MMMM yyyy 'r., godz.' HH:mm", Pl);
            }
            return text;
        }
        var d = m.Date;
        return d.Precision switch
        {
            FuzzyDatePrecision.Day => d.From.ToString("dddd, d MMMM yyyy 'r.'", Pl),
            FuzzyDatePrecision.DayRange when d.From.Month == d.To.Month => $"{d.From.Day}–{d.To.ToString("d MMMM yyyy 'r.'", Pl)}",
            FuzzyDatePrecision.DayRange => $"{d.From.ToString("d MMMM", Pl)} – {d.To.ToString("d MMMM yyyy 'r.'", Pl)}",
            _ => $"{d.Text} ({d.From.Year})",
        };
    }
}
