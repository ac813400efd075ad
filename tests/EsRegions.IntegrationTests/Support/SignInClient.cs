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

    /// <summary>A form's fields as a browser posts them, with the antiforgery token of <paramref name="page"/> (the page the form is on).</summary>
    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(page))));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
