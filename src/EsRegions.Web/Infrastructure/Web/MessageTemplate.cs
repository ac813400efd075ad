using System.Globalization;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// A message kept as a template with its arguments (<see cref="FileProblem"/>, <see cref="ConflictException"/>): written
/// out as it is for the API and the logs, or through a page's localizer, whose keys are the templates.
/// </summary>
internal static class MessageTemplate
{
    /// <summary>As written; a template without arguments is not formatted (it may hold braces of its own).</summary>
    public static string Written(string template, IReadOnlyList<object?> args) =>
        args.Count == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, [.. args]);

    /// <summary>Through <paramref name="localizer"/>, or as written without one; a template it has no entry for stays as written.</summary>
    public static string Text(string template, IReadOnlyList<object?> args, IStringLocalizer? localizer) =>
        localizer is null ? Written(template, args)
        : args.Count == 0 ? localizer[template]
        : localizer[template, [.. args!]];
}
