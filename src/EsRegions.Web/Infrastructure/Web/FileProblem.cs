using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// One problem found in what someone gave us (a file, a pasted list): where (a JSON path, a sheet!cell, a row, a
/// person's name; empty for the whole input) and what, kept as a message template with its arguments. The API and the
/// operator's logs show <see cref="Message"/> as written; a page shows it <see cref="In"/> its interface's language.
/// </summary>
public sealed record FileProblem(string Where, string Template, params object?[] Args)
{
    /// <summary>The message as written.</summary>
    public string Message => MessageTemplate.Written(Template, Args);

    /// <summary>The message through <paramref name="localizer"/> (as written without one).</summary>
    public string In(IStringLocalizer? localizer) => MessageTemplate.Text(Template, Args, localizer);

    /// <summary>The messages as written by place, for RFC 9457 "errors" (place → messages).</summary>
    public static IDictionary<string, string[]> ByPlace(IEnumerable<FileProblem> problems) =>
        problems.GroupBy(p => p.Where).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
