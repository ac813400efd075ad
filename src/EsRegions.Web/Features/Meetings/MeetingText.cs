namespace EsRegions.Web.Features.Meetings;

/// <summary>Polish names of meeting kinds, answers and sendings (resource keys; English in SharedResource.en.resx).</summary>
public static class MeetingText
{
    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.Sitting => "posiedzenie",
        MeetingKind.Meeting => "spotkanie",
        MeetingKind.MonitoringMeeting => "spotkanie monitoringowe",
        MeetingKind.Conference => "konferencja",
        MeetingKind.StudyVisit => "wizyta studyjna",
        MeetingKind.Gala => "gala",
        MeetingKind.Workshop => "warsztat",
        MeetingKind.Training => "szkolenie",
        _ => "zadanie",
    };

    public static string Status(RsvpStatus status) => status switch
    {
        RsvpStatus.Accepted => "weźmie udział",
        RsvpStatus.Declined => "nie weźmie udziału",
        RsvpStatus.Tentative => "może weźmie udział",
        _ => "brak odpowiedzi",
    };

    /// <summary>What a sending of e-mails about a meeting was, as the meeting's page lists it.</summary>
    public static string Batch(BatchKind kind) => kind switch
    {
        BatchKind.Invitation => "zaproszenia na spotkanie",
        BatchKind.Update => "zmiana spotkania",
        _ => "odwołanie spotkania",
    };

    /// <summary>API.md names: "pending" | "accepted" | "declined" | "tentative"; kinds in camelCase.</summary>
    public static string Api<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }
}
