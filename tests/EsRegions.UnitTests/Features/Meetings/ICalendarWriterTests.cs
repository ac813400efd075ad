using System.Text;
using EsRegions.Web.Features.Meetings;
using Ical.Net;

namespace EsRegions.UnitTests.Features.Meetings;

/// <summary>Our iCalendar text read back by an independent parser (Ical.Net), plus the RFC 5545 rules a parser forgives.</summary>
public sealed class ICalendarWriterTests
{
    private static readonly CalendarPerson Organiser = new("es@rops.warmia.mazury.pl", "ROPS w Olsztynie — Ekonomia społeczna na Warmii i Mazurach");
    private static readonly CalendarPerson Attendee = new("jan.kowalski@example.org", "Jan Kowalski");
    private static readonly DateTimeOffset Stamp = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private static Meeting Sitting()
    {
        var m = new Meeting("Posiedzenie RKRES; sprawy bieżące, wnioski", MeetingKind.Sitting, FuzzyDate.Exact(new DateOnly(2026, 7, 14)));
        m.Schedule(FuzzyDate.Exact(new DateOnly(2026, 7, 14)), new DateTimeOffset(2026, 7, 14, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 7, 14, 10, 30, 0, TimeSpan.Zero), "Olsztyn, ul. Głowackiego 17, sala 12", true, "https://meet.example.org/rkres");
        return m;
    }

    [Fact]
    public void Request_is_an_itip_request_with_warsaw_times_rsvp_attendee_and_the_tenant_as_organiser()
    {
        var text = ICalendarWriter.Request(Sitting(), Organiser, Attendee, Stamp, "Porządek:\n1. Otwarcie");

        var calendar = Calendar.Load(text)!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("Europe/Warsaw", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal("Europe/Warsaw", ev.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 7, 14, 10, 0, 0), ev.DtStart.Value); // 08:00 UTC is 10:00 CEST
        Assert.Equal(new DateTime(2026, 7, 14, 12, 30, 0), ev.DtEnd!.Value);
        Assert.Equal("Posiedzenie RKRES; sprawy bieżące, wnioski", ev.Summary);
        Assert.Equal("Porządek:\n1. Otwarcie", ev.Description);
        Assert.Equal(0, ev.Sequence);
        var attendee = Assert.Single(ev.Attendees);
        Assert.True(attendee.Rsvp);
        Assert.Equal("mailto:jan.kowalski@example.org", attendee.Value!.ToString());
        Assert.Equal("mailto:es@rops.warmia.mazury.pl", ev.Organizer!.Value!.ToString());
    }

    [Fact]
    public void Update_keeps_the_uid_and_raises_the_sequence_and_cancel_says_so()
    {
        var meeting = Sitting();
        var first = Calendar.Load(ICalendarWriter.Request(meeting, Organiser, Attendee, Stamp, null))!.Events.Single();
        meeting.RaiseSequence();
        var update = Calendar.Load(ICalendarWriter.Request(meeting, Organiser, Attendee, Stamp, null))!.Events.Single();
        meeting.Cancel(Stamp);
        var cancel = Calendar.Load(ICalendarWriter.Cancel(meeting, Organiser, Attendee, Stamp, null))!;

        Assert.Equal(first.Uid, update.Uid);
        Assert.Equal(first.Uid, cancel.Events.Single().Uid);
        Assert.Equal((0, 1, 2), (first.Sequence, update.Sequence, cancel.Events.Single().Sequence));
        Assert.Equal(("CANCEL", "CANCELLED"), (cancel.Method, cancel.Events.Single().Status));
    }

    [Fact]
    public void Lines_end_in_crlf_and_are_folded_at_75_octets_without_splitting_polish_letters()
    {
        var meeting = new Meeting(string.Concat(Enumerable.Repeat("Spotkanie Zespołu ds. współpracy nauki i es — łączność, źródła, żółć. ", 4)),
            MeetingKind.Meeting, FuzzyDate.Parse("17-18 listopada", 2022));

        var text = ICalendarWriter.Feed("ROPS Olsztyn", [meeting], Stamp, _ => null);

        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.Equal(meeting.Title, Calendar.Load(text)!.Events.Single().Summary);
    }

    [Fact]
    public void A_fold_never_separates_a_letter_from_its_combining_accent()
    {
        // "SUMMARY:" and 66 letters are 74 octets; "e" + U+0301 (3 octets) does not fit and moves whole to the next line.
        var title = new string('a', 66) + "e\u0301xyz";
        var meeting = new Meeting(title, MeetingKind.Meeting, FuzzyDate.Parse("17 listopada", 2022));

        var text = ICalendarWriter.Feed("ROPS", [meeting], Stamp, _ => null);

        var lines = text.Split("\r\n");
        Assert.Contains("SUMMARY:" + new string('a', 66), lines);
        Assert.Contains(" e\u0301xyz", lines);
        Assert.Equal(title, Calendar.Load(text)!.Events.Single().Summary);
    }

    [Fact]
    public void A_day_range_without_hours_is_an_all_day_event_ending_the_day_after()
    {
        var meeting = new Meeting("2-dniowe spotkanie Regionalnej Platformy Współpracy", MeetingKind.Meeting, FuzzyDate.Parse("17-18 listopada", 2022));

        var text = ICalendarWriter.Feed("ROPS Olsztyn", [meeting], Stamp, _ => null);

        Assert.Contains("DTSTART;VALUE=DATE:20221117\r\n", text);
        Assert.Contains("DTEND;VALUE=DATE:20221119\r\n", text);
        Assert.Equal("PUBLISH", Calendar.Load(text)!.Method);
    }

    [Theory]
    [InlineData("a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne")]
    [InlineData("Dzień dobry", "Dzień dobry")]
    public void Text_values_are_escaped(string value, string escaped) => Assert.Equal(escaped, ICalendarWriter.Text(value));
}
