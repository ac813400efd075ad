using EsRegions.Web.Features.Meetings;

namespace EsRegions.UnitTests.Features.Meetings;

/// <summary>Every fuzzy date form that tenants/CALENDAR-FORMAT.md promises reads as the table there says.</summary>
public sealed class CalendarFormatDocTests
{
    [Theory]
    [InlineData("6 Październik", "2022-10-06", "2022-10-06", FuzzyDatePrecision.Day)]
    [InlineData("06.06.2019", "2019-06-06", "2019-06-06", FuzzyDatePrecision.Day)]
    [InlineData("6/6/2019", "2019-06-06", "2019-06-06", FuzzyDatePrecision.Day)]
    [InlineData("2019-06-06", "2019-06-06", "2019-06-06", FuzzyDatePrecision.Day)]
    [InlineData("06.06.2019 r. (czwartek)", "2019-06-06", "2019-06-06", FuzzyDatePrecision.Day)]
    [InlineData("19–20 maja", "2022-05-19", "2022-05-20", FuzzyDatePrecision.DayRange)]
    [InlineData("30 czerwca - 1 lipca", "2022-06-30", "2022-07-01", FuzzyDatePrecision.DayRange)]
    [InlineData("w połowie lutego", "2022-02-11", "2022-02-20", FuzzyDatePrecision.MidMonth)]
    [InlineData("poł. lutego", "2022-02-11", "2022-02-20", FuzzyDatePrecision.MidMonth)]
    [InlineData("Początek marca", "2022-03-01", "2022-03-10", FuzzyDatePrecision.EarlyMonth)]
    [InlineData("w początku marca", "2022-03-01", "2022-03-10", FuzzyDatePrecision.EarlyMonth)]
    [InlineData("Koniec marca", "2022-03-21", "2022-03-31", FuzzyDatePrecision.LateMonth)]
    [InlineData("w końcu marca", "2022-03-21", "2022-03-31", FuzzyDatePrecision.LateMonth)]
    [InlineData("styczeń 2023", "2023-01-01", "2023-01-31", FuzzyDatePrecision.Month)]
    [InlineData("czerwcu", "2022-06-01", "2022-06-30", FuzzyDatePrecision.Month)]
    [InlineData("do dnia 06.06.2019", "2019-06-06", "2019-06-06", FuzzyDatePrecision.Deadline)]
    [InlineData("II-IV kwartał 2024", "2024-04-01", "2024-12-31", FuzzyDatePrecision.Quarters)]
    [InlineData("Cały rok 2024", "2024-01-01", "2024-12-31", FuzzyDatePrecision.Year)]
    public void Documented_form_reads_as_documented(string text, string from, string to, FuzzyDatePrecision precision)
    {
        var date = FuzzyDate.Parse(text, 2022);

        Assert.Equal((text, DateOnly.Parse(from), DateOnly.Parse(to), precision), (date.Text, date.From, date.To, date.Precision));
    }

    [Theory]
    [InlineData("Połowa lutgo")]
    [InlineData("31 lutego")]
    [InlineData("20-18 maja")]
    public void Documented_errors_are_not_dates(string text) => Assert.False(FuzzyDate.TryParse(text, 2022, out _));
}
