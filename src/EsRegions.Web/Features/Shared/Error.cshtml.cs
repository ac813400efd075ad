using System.Diagnostics;
using EsRegions.Web.Infrastructure.Tenancy;
using EsRegions.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Shared;

/// <summary>
/// The page browsers see for an error: re-executed by the exception handler (the request's status already chosen)
/// or by status code pages (/error/{code}); opened directly, it answers with the code it names.
/// </summary>
[AnyScope]
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken] // re-executed for a form's POST too: its token was checked (or is what failed)
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>What to quote when reporting an unexpected error (the problem documents' traceId); null otherwise.</summary>
    public string? TraceId { get; private set; }

    /// <summary>For a form that failed: the address of the page that sent it, to go back to; null otherwise.</summary>
    public string? BackTo { get; private set; }

    /// <summary>A form's request that ended in an error is re-executed here as the POST it was.</summary>
    public void OnPost(int? code)
    {
        OnGet(code);
        var original = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (original is not null) BackTo = Request.PathBase + original;
    }

    public void OnGet(int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (failure is null && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = code is >= 400 and < 600 ? code.Value : 404;
        (Title, Message) = failure switch
        {
            ConflictException conflict => (l["Nie można tego zrobić"], conflict.In(l)),
            not null when Response.StatusCode == StatusCodes.Status503ServiceUnavailable => DatabaseUnavailable(),
            not null when Response.StatusCode == StatusCodes.Status500InternalServerError => Unexpected(),
            _ => ForStatus(Response.StatusCode),
        };
    }

    private (string, string) DatabaseUnavailable()
    {
        Response.Headers.RetryAfter = ErrorHandling.RetryAfterSeconds;
        return (l["Usługa niedostępna"], l["Baza danych jest przez chwilę niedostępna. Nic nie zostało zapisane; spróbuj ponownie za kilka sekund."]);
    }

    private (string, string) Unexpected()
    {
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        return (l["Wystąpił błąd"], l["Spróbuj ponownie za chwilę."]);
    }

    private (string, string) ForStatus(int status) => status switch
    {
        404 => (l["Nie znaleziono strony"], l["Strona, której szukasz, nie istnieje albo została przeniesiona."]),
        403 => (l["Brak dostępu"], l["Nie masz uprawnień do tej strony."]),
        413 => (l["Za dużo danych"], l["Przesłane dane są za duże (na przykład plik)."]),
        503 => (l["Usługa niedostępna"], l["Ten region jest czasowo niedostępny."]),
        _ => (l["Wystąpił błąd"], l["Spróbuj ponownie za chwilę."]),
    };
}
