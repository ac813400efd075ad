using System.Globalization;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;

namespace EsRegions.UnitTests.Features.Meetings;

/// <summary>A meeting's time in words: Polish for e-mails and Polish pages, English for English pages.</summary>
public sealed class MeetingWhenTests
{
    private static Meeting Scheduled(TimeOnly from, DateOnly endDay, TimeOnly to)
    {
        var day = new DateOnly(2026, 3, 17);
        var meeting = new Meeting("Posiedzenie MKRES", MeetingKind.Sitting, FuzzyDate.Exact(day));
        meeting.Schedule(meeting.Date, PolishCalendar.AtWarsawTime(day, from), PolishCalendar.AtWarsawTime(endDay, to), null, false, null);
        return meeting;
    }

    [Theory]
    [InlineData("pl-PL", "wtorek, 17 marca 2026 r., godz. 10:00–12:00", "wtorek, 17 marca 2026 r., godz. 10:00 – 18 marca 2026 r., godz. 14:00")]
    [InlineData("en-GB", "Tuesday 17 March 2026, 10:00–12:00", "Tuesday 17 March 2026, 10:00 – 18 March 2026, 14:00")]
    public void Scheduled_meetings_are_given_in_the_requested_language(string culture, string sameDay, string twoDays)
    {
        var language = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(sameDay, MeetingWhen.Text(Scheduled(new(10, 0), new DateOnly(2026, 3, 17), new(12, 0)), language));
        Assert.Equal(twoDays, MeetingWhen.Text(Scheduled(new(10, 0), new DateOnly(2026, 3, 18), new(14, 0)), language));
    }

    [Theory]
    [InlineData("pl-PL", "wtorek, 17 marca 2026 r.", "11–20 lutego 2022 r.")]
    [InlineData("en-GB", "Tuesday 17 March 2026", "11–20 February 2022")]
    public void Dated_entries_are_given_by_their_days_in_the_requested_language(string culture, string day, string range)
    {
        var language = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(day, MeetingWhen.Text(new Meeting("Gala", MeetingKind.Gala, FuzzyDate.Exact(new DateOnly(2026, 3, 17))), language));
        Assert.Equal(range, MeetingWhen.Text(new Meeting("Targi", MeetingKind.Meeting, FuzzyDate.Parse("11-20 lutego", 2022)), language));
    }

    [Theory]
    [InlineData("12 stycznia", "12 January")]
    [InlineData("19-20 maja", "19–20 May")]
    [InlineData("30 maja - 2 czerwca", "30 May – 2 June")]
    [InlineData("Połowa lutego", "mid-February")]
    [InlineData("Początek marca 2022", "early March 2022")]
    [InlineData("Koniec marca", "late March")]
    [InlineData("Styczeń", "January")]
    [InlineData("Do 4 kwietnia", "by 4 April")]
    [InlineData("II-IV kwartał 2024", "Q2–Q4 2024")]
    [InlineData("III kwartał", "Q3")]
    [InlineData("Cały rok 2024", "throughout 2024")]
    public void Entries_without_a_time_are_listed_as_written_on_polish_pages_and_in_english_words_on_english_ones(string written, string english)
    {
        var entry = new Meeting("Wpis", MeetingKind.Task, FuzzyDate.Parse(written, 2022));

        Assert.Equal(written, InLanguage("pl-PL", () => MeetingWhen.Listed(entry)));
        Assert.Equal(english, InLanguage("en-GB", () => MeetingWhen.Listed(entry)));
    }

    [Fact]
    public void A_vague_entry_on_an_english_page_gets_its_year_in_words_and_a_polish_one_keeps_its_text()
    {
        var entry = new Meeting("Wpis", MeetingKind.Task, FuzzyDate.Parse("Połowa lutego", 2022));

        Assert.Equal("mid-February 2022", MeetingWhen.Text(entry, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("Połowa lutego (2022)", MeetingWhen.Text(entry, CultureInfo.GetCultureInfo("pl-PL")));
    }

    private static string InLanguage(string culture, Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return text(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void E_mails_give_the_time_in_polish_whatever_the_page_language()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            Assert.Equal("wtorek, 17 marca 2026 r., godz. 10:00–12:00", MeetingEmail.When(Scheduled(new(10, 0), new DateOnly(2026, 3, 17), new(12, 0))));
            Assert.Equal("Tuesday 17 March 2026, 10:00–12:00", MeetingWhen.ForPage(Scheduled(new(10, 0), new DateOnly(2026, 3, 17), new(12, 0))));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
