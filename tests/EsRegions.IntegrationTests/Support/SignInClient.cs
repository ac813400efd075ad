using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EsRegions.IntegrationTests.Support;

/// <summary>Signs in through the real login form (antiforgery included) and keeps the cookies, as a browser would.</summary>
public static partial class SignInClient
{
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(
        this EsRegionsAppFactory app, string slug, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var prefix = slug.Length == 0 ? "" : "/" + slug;
        var form = await client.GetStringAsync($"{prefix}/konto/logowanie");
        var response = await client.PostAsync($"{prefix}/konto/logowanie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        return (client, response);
    }

    public static string AntiforgeryToken(string html) => Token().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
