using System.Globalization;
using System.Text;
using EsRegions.Web.Features.Notifications;

namespace EsRegions.Web.Features.Meetings;

public sealed record CalendarPerson(string Email, string? Name);

/// <summary>
/// Writes RFC 5545 iCalendar: iTIP requests and cancellations for one attendee (RFC 5546) and feeds. Times are local
/// to Europe/Warsaw with its VTIMEZONE; lines end in CRLF and are folded at 75 octets without splitting a UTF-8
/// character; TEXT values are escaped. Written by hand because Ical.Net writes no VTIMEZONE and we need exact control
/// of the iTIP properties; the tests read every output back with Ical.Net.
/// </summary>
public static class ICalendarWriter
{
    public const string TimeZoneId = "Europe/Warsaw";

    public static string Request(Meeting meeting, CalendarPerson organiser, CalendarPerson attendee, DateTimeOffset stamp, string? description) =>
        Itip("REQUEST", meeting, organiser, attendee, stamp, description);

    public static string Cancel(Meeting meeting, CalendarPerson organiser, CalendarPerson attendee, DateTimeOffset stamp, string? description) =>
        Itip("CANCEL", meeting, organiser, attendee, stamp, description);

    private static string Itip(string method, Meeting meeting, CalendarPerson organiser, CalendarPerson attendee, DateTimeOffset stamp, string? description)
    {
        var w = Begin(method, null);
        Event(w, meeting, stamp, description, organiser, attendee, cancelled: method == "CANCEL");
        return End(w);
    }

    /// <summary>A PUBLISH feed of meetings (no attendees).</summary>
    public static string Feed(string name, IEnumerable<Meeting> meetings, DateTimeOffset stamp, Func<Meeting, string?> describe)
    {
        var w = Begin("PUBLISH", name);
        foreach (var m in meetings) Event(w, m, stamp, describe(m), null, null, cancelled: m.IsCancelled);
        return End(w);
    }

    private static Lines Begin(string method, string? name)
    {
        var w = new Lines();
        w.Add("BEGIN:VCALENDAR");
        w.Add("PRODID:-//EsRegions//Kalendarz ES//PL");
        w.Add("VERSION:2.0");
        w.Add("CALSCALE:GREGORIAN");
        w.Add("METHOD:" + method);
        if (name is not null)
        {
            w.Add("X-WR-CALNAME:" + Text(name));
            w.Add("X-WR-TIMEZONE:" + TimeZoneId);
        }
        foreach (var line in WarsawTimeZone) w.Add(line);
        return w;
    }

    private static string End(Lines w)
    {
        w.Add("END:VCALENDAR");
        return w.ToString();
    }

    private static void Event(Lines w, Meeting m, DateTimeOffset stamp, string? description, CalendarPerson? organiser, CalendarPerson? attendee, bool cancelled)
    {
        w.Add("BEGIN:VEVENT");
        w.Add("UID:" + m.Uid);
        w.Add("DTSTAMP:" + Utc(stamp));
        w.Add("SEQUENCE:" + m.Sequence.ToString(CultureInfo.InvariantCulture));
        if (m.StartsAt is { } start)
        {
            w.Add($"DTSTART;TZID={TimeZoneId}:{Local(start)}");
            if (m.EndsAt is { } end) w.Add($"DTEND;TZID={TimeZoneId}:{Local(end)}");
        }
        else
        {
            w.Add("DTSTART;VALUE=DATE:" + m.Date.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            w.Add("DTEND;VALUE=DATE:" + m.Date.To.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }
        w.Add("SUMMARY:" + Text(m.Title));
        var where = string.Join(", ", new[] { m.Location, m.OnlineUrl ?? (m.Online ? "online" : null) }.Where(x => x is not null));
        if (where.Length > 0) w.Add("LOCATION:" + Text(where));
        if (m.OnlineUrl is not null) w.Add("URL:" + m.OnlineUrl);
        if (!string.IsNullOrWhiteSpace(description)) w.Add("DESCRIPTION:" + Text(description));
        w.Add("CATEGORIES:" + Text(MeetingText.Kind(m.Kind)));
        w.Add("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        w.Add("TRANSP:OPAQUE");
        if (organiser is not null) w.Add($"ORGANIZER;CN={Param(organiser.Name ?? organiser.Email)}:mailto:{organiser.Email}");
        if (attendee is not null)
            w.Add($"ATTENDEE;CN={Param(attendee.Name ?? attendee.Email)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{attendee.Email}");
        w.Add("END:VEVENT");
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, PolishCalendar.Warsaw).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped.</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>A parameter value: quoted (DQUOTE is not allowed inside, so it is dropped), control characters removed.</summary>
    private static string Param(string value) => "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    private static readonly string[] WarsawTimeZone =
    [
        "BEGIN:VTIMEZONE", "TZID:" + TimeZoneId, "X-LIC-LOCATION:" + TimeZoneId,
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    ];

    /// <summary>Content lines folded at 75 octets (RFC 5545 3.1) and joined with CRLF.</summary>
    private sealed class Lines
    {
        private const int Octets = 75;
        private readonly StringBuilder _sb = new(4096);

        public void Add(string line)
        {
            // Most lines fit whole: nothing to fold, and nothing to walk through character by character.
            if (line.Length <= Octets && Encoding.UTF8.GetByteCount(line) <= Octets)
            {
                _sb.Append(line).Append("\r\n");
                return;
            }
            // Folded between user-perceived characters (text elements), so neither a UTF-8 sequence nor a combined
            // character is split; measured in place, without a string per character.
            var octets = 0;
            var limit = Octets;
            var rest = line.AsSpan();
            while (!rest.IsEmpty)
            {
                var length = StringInfo.GetNextTextElementLength(rest);
                var element = rest[..length];
                var size = Encoding.UTF8.GetByteCount(element);
                if (octets + size > limit)
                {
                    _sb.Append("\r\n ");
                    octets = 0;
                    limit = Octets - 1; // the leading space of a continuation line counts
                }
                _sb.Append(element);
                octets += size;
                rest = rest[length..];
            }
            _sb.Append("\r\n");
        }

        public override string ToString() => _sb.ToString();
    }
}
