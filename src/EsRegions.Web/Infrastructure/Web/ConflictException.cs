using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>
/// A request that breaks a rule of the domain's state (e.g. archiving a draft plan). Answered with 409 and this
/// message as the problem's detail, so modules write it for the person reading it. The message is a template (the
/// modules' Polish messages are keys of the interface's texts) with values from the request as arguments, so that a
/// page can show it in its own language (<see cref="In"/>) while the API shows it as written.
/// </summary>
public class ConflictException(string template, params object?[] args)
    : InvalidOperationException(MessageTemplate.Written(template, args))
{
    public string Template { get; } = template;

    public IReadOnlyList<object?> Args { get; } = args;

    /// <summary>The message through <paramref name="localizer"/>; as written when it has no entry for the template.</summary>
    public string In(IStringLocalizer localizer) => MessageTemplate.Text(Template, Args, localizer);
}
