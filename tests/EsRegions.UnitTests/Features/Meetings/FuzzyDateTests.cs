using EsRegions.Web.Features.Meetings;

namespace EsRegions.UnitTests.Features.Meetings;

public sealed class FuzzyDateTests
{
    /// <summary>Every distinct date form of the Warmia-Mazury 2022 calendar (seed 003), as written there.</summary>
    [Theory]
    [InlineData("12 stycznia", "2022-01-12", "2022-01-12", FuzzyDatePrecision.Day)]
    [InlineData("Styczeń", "2022-01-01", "2022-01-31", FuzzyDatePrecision.Month)]
    [InlineData("28 stycznia", "2022-01-28", "2022-01-28", FuzzyDatePrecision.Day)]
    [InlineData("styczeń", "2022-01-01", "2022-01-31", FuzzyDatePrecision.Month)]
    [InlineData("Luty", "2022-02-01", "2022-02-28", FuzzyDatePrecision.Month)]
    [InlineData("Połowa lutego", "2022-02-11", "2022-02-20", FuzzyDatePrecision.MidMonth)]
    [InlineData("Marzec", "2022-03-01", "2022-03-31", FuzzyDatePrecision.Month)]
    [InlineData("18 marca", "2022-03-18", "2022-03-18", FuzzyDatePrecision.Day)]
    [InlineData("31 marca", "2022-03-31", "2022-03-31", FuzzyDatePrecision.Day)]
    [InlineData("Kwiecień", "2022-04-01", "2022-04-30", FuzzyDatePrecision.Month)]
    [InlineData("Do 4 kwietnia", "2022-04-04", "2022-04-04", FuzzyDatePrecision.Deadline)]
    [InlineData("8 kwietnia", "2022-04-08", "2022-04-08", FuzzyDatePrecision.Day)]
    [InlineData("27 kwietnia", "2022-04-27", "2022-04-27", FuzzyDatePrecision.Day)]
    [InlineData("Maj", "2022-05-01", "2022-05-31", FuzzyDatePrecision.Month)]
    [InlineData("11 maja", "2022-05-11", "2022-05-11", FuzzyDatePrecision.Day)]
    [InlineData("19-20 maja", "2022-05-19", "2022-05-20", FuzzyDatePrecision.DayRange)]
    [InlineData("24 maja", "2022-05-24", "2022-05-24", FuzzyDatePrecision.Day)]
    [InlineData("3 czerwca", "2022-06-03", "2022-06-03", FuzzyDatePrecision.Day)]
    [InlineData("8-9 Czerwiec", "2022-06-08", "2022-06-09", FuzzyDatePrecision.DayRange)]
    [InlineData("20 Czerwiec", "2022-06-20", "2022-06-20", FuzzyDatePrecision.Day)]
    [InlineData("21 Czerwiec", "2022-06-21", "2022-06-21", FuzzyDatePrecision.Day)]
    [InlineData("22 Czerwiec", "2022-06-22", "2022-06-22", FuzzyDatePrecision.Day)]
    [InlineData("Czerwiec", "2022-06-01", "2022-06-30", FuzzyDatePrecision.Month)]
    [InlineData("Lipiec", "2022-07-01", "2022-07-31", FuzzyDatePrecision.Month)]
    [InlineData("Sierpień", "2022-08-01", "2022-08-31", FuzzyDatePrecision.Month)]
    [InlineData("14 Wrzesień", "2022-09-14", "2022-09-14", FuzzyDatePrecision.Day)]
    [InlineData("8-9 września", "2022-09-08", "2022-09-09", FuzzyDatePrecision.DayRange)]
    [InlineData("23 Wrzesień", "2022-09-23", "2022-09-23", FuzzyDatePrecision.Day)]
    [InlineData("Wrzesień", "2022-09-01", "2022-09-30", FuzzyDatePrecision.Month)]
    [InlineData("6 Październik", "2022-10-06", "2022-10-06", FuzzyDatePrecision.Day)]
    [InlineData("6-7 Październik", "2022-10-06", "2022-10-07", FuzzyDatePrecision.DayRange)]
    [InlineData("Październik", "2022-10-01", "2022-10-31", FuzzyDatePrecision.Month)]
    [InlineData("14 października", "2022-10-14", "2022-10-14", FuzzyDatePrecision.Day)]
    [InlineData("24 Październik", "2022-10-24", "2022-10-24", FuzzyDatePrecision.Day)]
    [InlineData("4 Listopada", "2022-11-04", "2022-11-04", FuzzyDatePrecision.Day)]
    [InlineData("Listopad", "2022-11-01", "2022-11-30", FuzzyDatePrecision.Month)]
    [InlineData("17-18 listopada", "2022-11-17", "2022-11-18", FuzzyDatePrecision.DayRange)]
    [InlineData("Grudzień", "2022-12-01", "2022-12-31", FuzzyDatePrecision.Month)]
    [InlineData("2 Grudnia", "2022-12-02", "2022-12-02", FuzzyDatePrecision.Day)]
    public void Seed_003_date_forms_keep_their_text_and_get_an_interval(string text, string from, string to, FuzzyDatePrecision precision)
    {
        var date = FuzzyDate.Parse(text, defaultYear: 2022);

        Assert.Equal(text, date.Text);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to), precision), (date.From, date.To, date.Precision));
    }

    [Fact]
    public void Every_date_of_the_warmia_mazury_2022_calendar_file_parses_inside_its_month()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "tenants", "warmia-mazury", "calendar", "2022.json");
        var entries = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["entries"]!.AsArray();

        Assert.Equal(81, entries.Count);
        Assert.All(entries, e =>
        {
            var date = FuzzyDate.Parse((string)e!["date"]!, 2022);
            Assert.Equal(FuzzyDate.Month((string)e["month"]!), date.From.Month);
        });
    }

    [Theory]
    [InlineData("II-IV kwartał 2024", "2024-04-01", "2024-12-31", FuzzyDatePrecision.Quarters)]
    [InlineData("Cały rok 2024", "2024-01-01", "2024-12-31", FuzzyDatePrecision.Year)]
    [InlineData("06.06.2019 r. (czwartek)", "2019-06-06", "2019-06-06", FuzzyDatePrecision.Day)]
    [InlineData("do dnia 11.06.2019 r.", "2019-06-11", "2019-06-11", FuzzyDatePrecision.Deadline)]
    [InlineData("12 stycznia 2023", "2023-01-12", "2023-01-12", FuzzyDatePrecision.Day)]
    [InlineData("Styczeń 2023 r.", "2023-01-01", "2023-01-31", FuzzyDatePrecision.Month)]
    [InlineData("Koniec lutego", "2022-02-21", "2022-02-28", FuzzyDatePrecision.LateMonth)]
    [InlineData("Początek marca", "2022-03-01", "2022-03-10", FuzzyDatePrecision.EarlyMonth)]
    [InlineData("30 marca – 1 kwietnia", "2022-03-30", "2022-04-01", FuzzyDatePrecision.DayRange)]
    public void Other_forms_of_the_regions_documents_are_read_too(string text, string from, string to, FuzzyDatePrecision precision)
    {
        var date = FuzzyDate.Parse(text, defaultYear: 2022);

        Assert.Equal(text, date.Text);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to), precision), (date.From, date.To, date.Precision));
    }

    [Theory]
    [InlineData("")]
    [InlineData("wkrótce")]
    [InlineData("31 lutego")]
    [InlineData("20-18 maja")]
    [InlineData("Smarzec")]
    public void Unreadable_or_impossible_dates_have_no_value(string text) =>
        Assert.False(FuzzyDate.TryParse(text, 2022, out _));
}
