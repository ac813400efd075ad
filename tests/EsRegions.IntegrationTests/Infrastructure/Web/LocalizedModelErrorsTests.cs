using System.Net;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Infrastructure.Web;

/// <summary>
/// A form sent back with errors speaks the interface's language: the message a page handler adds itself ("the end date
/// is earlier…", through LocalizedModelErrors) and the message of a validation attribute ("enter the title…").
/// </summary>
public sealed class LocalizedModelErrorsTests(PostgresServer postgres) : AppTestBase(postgres)
{
    [Theory]
    [InlineData("pl-PL", "Data zakończenia jest wcześniejsza niż data rozpoczęcia.", "Podaj tytuł konsultacji.", "The end date")]
    [InlineData("en-GB", "The end date is earlier than the start date.", "Enter the title of the consultation.", "Data zakończenia")]
    public async Task Validation_messages_of_a_rejected_form_are_in_the_ui_language(string culture, string handlerMessage, string attributeMessage,
        string otherLanguage)
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = ClientAs(Policies.Roles.Staff, "lubelskie");
        var page = $"/lubelskie/konsultacje/nowe?culture={culture}&ui-culture={culture}";
        var token = SignInClient.AntiforgeryToken(await staff.GetStringAsync(page, ct));

        var response = await staff.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Title"] = "",
            ["Form.Material"] = "# Rozdział 1\nTreść rozdziału.",
            ["Form.OpensOn"] = "2027-02-10",
            ["Form.ClosesOn"] = "2027-02-01",
        }), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains($">{handlerMessage}</span>", html);
        Assert.Contains($">{attributeMessage}</span>", html);
        Assert.DoesNotContain(otherLanguage, html);
    }
}
