using System.Globalization;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Localization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>Polish first, English second: chosen by cookie (the language switch) or ?culture=, never by guesswork.</summary>
internal static class Localization
{
    public static readonly CultureInfo[] Supported = [new("pl-PL"), new("en-GB")];

    public static IServiceCollection AddUiLocalization(this IServiceCollection services)
    {
        // No ResourcesPath: Resources/SharedResource.en.resx sits next to SharedResource.cs, so the build names it after
        // that class (EsRegions.Web.SharedResource.en.resources), and the localizer must look for exactly that name.
        // With ResourcesPath = "Resources" it looked for EsRegions.Web.Resources.SharedResource, found nothing and
        // showed the Polish keys in the English UI.
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Supported[0]);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>GET /language/{culture}?returnUrl=…: remembers the choice in a cookie and goes back to the page.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var match = Supported.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture || c.Name == culture);
            if (match is null) return Results.Problem(statusCode: 400, title: "Unsupported language", detail: $"culture '{culture}' is not supported (pl, en).");
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(match)),
                new CookieOptions { Path = "/", IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            var target = returnUrl is not null && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
                ? returnUrl : http.Request.PathBase + "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription().WithMetadata(new AnyScopeAttribute()).AllowAnonymous();
        return endpoints;
    }
}
