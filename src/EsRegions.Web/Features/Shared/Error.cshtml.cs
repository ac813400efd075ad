using Microsoft.AspNetCore.Authorization;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Shared;

/// <summary>The page browsers see for an error status (re-executed by status code pages; never reached directly with 200).</summary>
[AnyScope]
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken] // re-executed for a form's POST too: its token was checked (or is what failed)
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>A form's request that ended in an error status is re-executed here as the POST it was.</summary>
    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null) Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        (Title, Message) = code switch
        {
            404 => (l["Nie znaleziono strony"], l["Strona, której szukasz, nie istnieje albo została przeniesiona."]),
            403 => (l["Brak dostępu"], l["Nie masz uprawnień do tej strony."]),
            503 => (l["Usługa niedostępna"], l["Ten region jest czasowo niedostępny."]),
            _ => (l["Wystąpił błąd"], l["Spróbuj ponownie za chwilę."]),
        };
    }
}
