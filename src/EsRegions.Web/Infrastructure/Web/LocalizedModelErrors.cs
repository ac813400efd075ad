using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// Server-side validation messages are written in Polish where the rule is (page handlers, forms, domain checks), as
/// every UI text is. After a page handler has run, each message that has an English entry is shown in English when
/// that is the interface's language. Messages of validation attributes come from the data-annotations localizer already
/// and pass through unchanged, as do binding errors that carry an exception.
/// </summary>
internal sealed class LocalizedModelErrors(IStringLocalizer<SharedResource> localizer) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        if (System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pl") return;
        foreach (var entry in context.ModelState.Values)
        {
            if (!entry.Errors.Any(e => e.Exception is null && e.ErrorMessage.Length > 0)) continue;
            var errors = entry.Errors.ToList();
            entry.Errors.Clear();
            foreach (var error in errors)
                entry.Errors.Add(error.Exception is null ? new ModelError(Translate(error.ErrorMessage)) : error);
        }
    }

    private string Translate(string message)
    {
        if (message.Length == 0) return message;
        var english = localizer[message];
        return english.ResourceNotFound ? message : english.Value;
    }
}
