using System.Globalization;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// One problem found in what someone gave us (a file, a pasted list): where (a JSON path, a sheet!cell, a row, a
/// person's name; empty for the whole input) and what, kept as a message template with its arguments. The API and the operator's logs show <see cref="Message"/> as written; a page shows
/// <see cref="In"/> its interface's language.
/// </summary>
public sealed record FileProblem(string Where, string Template, params object?[] Args)
{
    /// <summary>The message as written (a template without arguments is not formatted: it may hold braces of its own).</summary>
    public string Message => Args.Length == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, Args);

    /// <summary>The message through <paramref name="localizer"/>, whose keys are the templates; a template it lacks stays as written.</summary>
    public string In(IStringLocalizer localizer) => Args.Length == 0 ? localizer[Template] : localizer[Template, Args!];

    /// <summary>The messages as written by place, for RFC 9457 "errors" (place → messages).</summary>
    public static IDictionary<string, string[]> ByPlace(IEnumerable<FileProblem> problems) =>
        problems.GroupBy(p => p.Where).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
