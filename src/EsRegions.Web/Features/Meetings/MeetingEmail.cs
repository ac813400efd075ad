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
        var paragraphs = new List<string> { opening };
        paragraphs.AddRange(Details(m));
        if (kind != BatchKind.Cancellation && m.Agenda is not null) paragraphs.Add($"Porządek spotkania:\n{m.Agenda}");
        if (rsvpPath is not null)
            paragraphs.Add("Prosimy o odpowiedź przez poniższy link: weźmiesz udział, nie weźmiesz (możesz wskazać zastępcę) albo jeszcze nie wiesz. Odpowiedź można zmienić do rozpoczęcia spotkania.");
        return new EmailBody(subject, paragraphs, rsvpPath is null ? null : new EmailAction("Odpowiedz na zaproszenie", rsvpPath));
    }

    /// <summary>When and where, as every e-mail about the meeting gives them (invitation, change, cancellation, reminder).</summary>
    public static IEnumerable<string> Details(Meeting m)
    {
        yield return $"Termin: {When(m)}";
        if (m.Location is not null) yield return $"Miejsce: {m.Location}";
        if (m.OnlineUrl is not null) yield return $"Spotkanie online: {m.OnlineUrl}";
        else if (m.Online) yield return "Spotkanie online (link prześlemy osobno).";
    }

    /// <summary>The meeting's time as the e-mails give it, in Polish whoever sends them (<see cref="MeetingWhen"/>).</summary>
    public static string When(Meeting m) => MeetingWhen.Text(m, Pl);
}
