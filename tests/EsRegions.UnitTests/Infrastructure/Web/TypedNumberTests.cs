using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EsRegions.UnitTests.Infrastructure.Web;

/// <summary>
/// Numbers typed into forms: Polish and English decimal marks and spaced thousands are read; "1,500" and "180.000",
/// which could be thousands or a fraction, are refused instead of being stored a thousand times too small.
/// </summary>
public sealed class TypedNumberTests
{
    [Theory]
    [InlineData("35,5", 35.5)]
    [InlineData("35.5", 35.5)]
    [InlineData("180 000", 180000)]
    [InlineData("180\u00a0000", 180000)]
    [InlineData("1500", 1500)]
    [InlineData("12,25", 12.25)]
    [InlineData("0,125", 0.125)]
    [InlineData("1234,567", 1234.567)]
    [InlineData(" -2 ", -2)]
    public void Reads_what_can_only_mean_one_number(string text, double expected)
    {
        Assert.True(TypedNumber.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
        Assert.False(TypedNumber.IsAmbiguous(text));
    }

    [Theory]
    [InlineData("1,500")]
    [InlineData("180.000")]
    [InlineData("-2,250")]
    [InlineData("1 ,500")]
    public void Refuses_a_single_mark_before_three_digits_as_ambiguous(string text)
    {
        Assert.True(TypedNumber.IsAmbiguous(text));
        Assert.False(TypedNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.234,5")]
    [InlineData("12 osób")]
    public void Refuses_what_is_not_a_number_without_calling_it_ambiguous(string text)
    {
        Assert.False(TypedNumber.TryParse(text, out _));
        Assert.False(TypedNumber.IsAmbiguous(text));
    }

    [Fact]
    public void The_action_editor_stores_nothing_for_an_ambiguous_target_or_amount_and_says_why()
    {
        var state = new ModelStateDictionary();

        var indicators = ActionRows.Indicators([new IndicatorInput { Name = "Liczba szkoleń", Kind = "count", Value = "1,500", Text = "Liczba szkoleń – 1,500" }], state);
        var budget = ActionRows.Budget([new BudgetInput { Amount = "180.000 zł", Source = "FEdM" }], state);

        Assert.Equal(TypedNumber.AmbiguousMessage, Assert.Single(state["Form.Indicators[0].Value"]!.Errors).ErrorMessage);
        Assert.Equal(TypedNumber.AmbiguousMessage, Assert.Single(state["Form.Budget[0].Amount"]!.Errors).ErrorMessage);
        Assert.Null(Assert.Single(indicators)?.Value);
        Assert.Null(Assert.Single(budget).Amount);
    }
}
