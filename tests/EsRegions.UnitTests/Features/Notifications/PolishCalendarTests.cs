using EsRegions.Web.Features.Notifications;

namespace EsRegions.UnitTests.Features.Notifications;

/// <summary>Polish statutory days off, deadline shifting and Warsaw wall-clock conversion.</summary>
public sealed class PolishCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DateOnly HolidayNamed(int year, string nameEn) =>
        Assert.Single(PolishCalendar.Holidays(year), h => h.NameEn == nameEn).Date;

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    public void Easter_Sunday_matches_the_known_date(int year, string expected)
    {
        Assert.Equal(D(expected), PolishCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(4100)]
    public void Easter_Sunday_outside_1583_to_4099_throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PolishCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData(2024, "2024-05-19", "2024-05-30")]
    [InlineData(2025, "2025-06-08", "2025-06-19")]
    [InlineData(2026, "2026-05-24", "2026-06-04")]
    [InlineData(2027, "2027-05-16", "2027-05-27")]
    [InlineData(2028, "2028-06-04", "2028-06-15")]
    [InlineData(2029, "2029-05-20", "2029-05-31")]
    [InlineData(2030, "2030-06-09", "2030-06-20")]
    public void Pentecost_and_Corpus_Christi_are_holidays_49_and_60_days_after_Easter(int year, string pentecost, string corpusChristi)
    {
        Assert.Equal(D(pentecost), HolidayNamed(year, "Pentecost Sunday"));
        Assert.Equal(D(corpusChristi), HolidayNamed(year, "Corpus Christi"));
        Assert.True(PolishCalendar.IsHoliday(D(pentecost)));
        Assert.True(PolishCalendar.IsHoliday(D(corpusChristi)));
    }

    [Fact]
    public void Easter_Monday_is_a_holiday()
    {
        Assert.Equal(D("2026-04-06"), HolidayNamed(2026, "Easter Monday"));
        Assert.True(PolishCalendar.IsHoliday(D("2026-04-06")));
    }

    [Theory]
    [InlineData("2024-12-24", false)]
    [InlineData("2025-12-24", true)]
    [InlineData("2026-12-24", true)]
    public void Christmas_Eve_is_a_holiday_only_from_2025(string date, bool expected)
    {
        Assert.Equal(expected, PolishCalendar.IsHoliday(D(date)));
    }

    [Fact]
    public void Holidays_2024_are_the_13_statutory_days_in_date_order()
    {
        string[] expected =
        [
            "2024-01-01", "2024-01-06", "2024-03-31", "2024-04-01", "2024-05-01", "2024-05-03", "2024-05-19",
            "2024-05-30", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25", "2024-12-26",
        ];

        Assert.Equal(expected.Select(D), PolishCalendar.Holidays(2024).Select(h => h.Date));
    }

    [Fact]
    public void Holidays_2025_are_the_14_statutory_days_in_date_order()
    {
        string[] expected =
        [
            "2025-01-01", "2025-01-06", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-03", "2025-06-08",
            "2025-06-19", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-24", "2025-12-25", "2025-12-26",
        ];

        Assert.Equal(expected.Select(D), PolishCalendar.Holidays(2025).Select(h => h.Date));
    }

    [Fact]
    public void Holidays_are_in_strictly_increasing_date_order_for_every_year_1583_to_4099()
    {
        for (var year = 1583; year <= 4099; year++)
        {
            var dates = PolishCalendar.Holidays(year).Select(h => h.Date).ToList();
            Assert.True(dates.Zip(dates.Skip(1)).All(p => p.First < p.Second), $"Holidays of {year} are out of order");
        }
    }

    [Theory]
    [InlineData("2026-05-03", true)]  // Sunday and holiday
    [InlineData("2026-05-10", true)]  // plain Sunday
    [InlineData("2026-05-01", true)]  // Friday holiday
    [InlineData("2026-05-02", false)] // Saturday is not a statutory day off
    [InlineData("2026-05-04", false)] // Monday
    public void Day_off_is_a_Sunday_or_a_holiday(string date, bool expected)
    {
        Assert.Equal(expected, PolishCalendar.IsDayOff(D(date)));
    }

    [Theory]
    [InlineData("2026-05-04", true)]  // Monday
    [InlineData("2026-05-08", true)]  // Friday
    [InlineData("2026-05-02", false)] // Saturday
    [InlineData("2026-05-10", false)] // Sunday
    [InlineData("2026-05-01", false)] // Friday holiday
    public void Working_day_is_Monday_to_Friday_and_not_a_holiday(string date, bool expected)
    {
        Assert.Equal(expected, PolishCalendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-05-02", "2026-05-04")] // Saturday right after the 1 May holiday
    [InlineData("2026-05-01", "2026-05-04")] // Friday holiday
    [InlineData("2026-05-03", "2026-05-04")] // Sunday holiday
    [InlineData("2025-12-24", "2025-12-29")] // Christmas Eve, Christmas, then a weekend
    [InlineData("2026-05-05", "2026-05-05")] // working Tuesday stays
    public void Deadline_on_a_Saturday_Sunday_or_holiday_moves_to_the_next_working_day(string deadline, string expected)
    {
        Assert.Equal(D(expected), PolishCalendar.AdjustDeadline(D(deadline), moveToNextWorkingDay: true));
        Assert.Equal(D(expected), PolishCalendar.NextWorkingDayOnOrAfter(D(deadline)));
    }

    [Theory]
    [InlineData("2026-05-02")]
    [InlineData("2026-05-01")]
    [InlineData("2025-12-24")]
    public void Deadline_does_not_move_when_moving_is_off(string deadline)
    {
        Assert.Equal(D(deadline), PolishCalendar.AdjustDeadline(D(deadline), moveToNextWorkingDay: false));
    }

    [Theory]
    [InlineData("2026-04-02", 2, "2026-04-07")]  // Thu -> Fri, skip weekend and Easter Monday -> Tue
    [InlineData("2026-04-07", -2, "2026-04-02")] // back over Easter Monday and the weekend
    [InlineData("2026-05-08", 1, "2026-05-11")]  // Friday -> Monday
    [InlineData("2026-05-04", -1, "2026-04-30")] // Monday back over the weekend and 1 May
    [InlineData("2025-12-23", 1, "2025-12-29")]  // over 24-26 Dec and the weekend
    public void Add_working_days_skips_weekends_and_holidays(string from, int days, string expected)
    {
        Assert.Equal(D(expected), PolishCalendar.AddWorkingDays(D(from), days));
    }

    [Theory]
    [InlineData("2026-05-02")]
    [InlineData("2026-05-05")]
    public void Adding_zero_working_days_returns_the_date_unchanged(string date)
    {
        Assert.Equal(D(date), PolishCalendar.AddWorkingDays(D(date), 0));
    }

    [Theory]
    [InlineData("2026-01-15", "08:00", "2026-01-15T07:00:00Z")] // CET, UTC+1
    [InlineData("2026-07-15", "08:00", "2026-07-15T06:00:00Z")] // CEST, UTC+2
    [InlineData("2026-03-29", "02:30", "2026-03-29T01:00:00Z")] // spring-forward gap -> 03:00 CEST
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // ambiguous -> earlier (summer-time) instant
    public void At_Warsaw_time_returns_the_UTC_instant_of_that_wall_clock_time(string date, string time, string expectedUtc)
    {
        var actual = PolishCalendar.AtWarsawTime(D(date), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.Zero, actual.Offset);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), actual);
    }

    [Theory]
    [InlineData("2026-07-15T22:30:00Z", "2026-07-16")] // 00:30 CEST next day
    [InlineData("2026-01-15T22:30:00Z", "2026-01-15")] // 23:30 CET same day
    [InlineData("2026-01-15T23:30:00Z", "2026-01-16")] // 00:30 CET next day
    public void Warsaw_date_is_the_local_calendar_date_of_the_instant(string instant, string expected)
    {
        var parsed = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(D(expected), PolishCalendar.WarsawDate(parsed));
    }
}
