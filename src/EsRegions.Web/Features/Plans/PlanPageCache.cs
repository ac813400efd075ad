using System.Globalization;
using System.Text.Encodings.Web;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// The rendered body of the plan page (filters, budget, indicator status and the tree), kept per plan revision, per
/// state of the plan's monitoring data and per everything else that shapes it (filters, year, print view, language,
/// whether the reader may edit). A 2,000-action plan is 2 MB of HTML and a quarter of a second of CPU to render; a page
/// whose plan and values have not changed is served from here (docs/performance.md).
/// </summary>
/// <remarks>
/// The plan's revision is bumped by database triggers on every write of the plan, its nodes, actions and indicators
/// (<see cref="Plan.Revision"/>); its monitoring values and tracks are announced by the database as
/// <see cref="ChangeFeed.Topics.PlanStatus"/>. Both are read before the rows, so a write in between can only leave a body
/// newer than its key. While change notifications cannot be heard there is no key, and every page is rendered afresh;
/// no body is kept longer than <see cref="ChangeFeed.LongestKept"/>.
/// Entries are keyed by region as well: a plan id of another region never reaches here (the header read finds nothing).
/// </remarks>
public sealed class PlanPageCache(IOptions<PlanTreeCache.Settings> settings, ChangeFeed feed)
{
    public sealed record Key(Guid Region, Guid Plan, string Revision, ChangeStamp Status, string Variant);

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions
    {
        SizeLimit = Math.Max(1, settings.Value.PageCacheMegabytes) * 1024L * 1024L,
    });

    /// <summary>The key of a page, or null when it must be rendered afresh (change notifications are not heard).</summary>
    /// <param name="revisionTag">The plan revision with what else shapes every answer (<see cref="PlanTreeCache.Tag"/>).</param>
    /// <param name="variant">The request's filters, year, print view, language and editing rights, in one string.</param>
    public Key? KeyFor(Guid region, Guid planId, string revisionTag, string variant) =>
        feed.TryGetStamp(ChangeFeed.Topics.PlanStatus(planId), out var status) ? new Key(region, planId, revisionTag, status, variant) : null;

    /// <summary>The body's HTML kept under the key, or null.</summary>
    /// <remarks>
    /// A string, not an <see cref="IHtmlContent"/>: the page writes it with <c>WriteLiteral</c>, which Razor sends to the
    /// response as it is, while an HTML content object is first copied into pages of 1,024 characters rented for the
    /// request, about 2,000 of them for a 2 MB body. Those rentals, mostly fresh arrays, took about a third of the app's CPU
    /// under load (docs/performance.md, fourteenth round).
    /// </remarks>
    public string? Find(Key? key) => key is not null && _bodies.TryGetValue(key, out string? body) ? body : null;

    /// <summary>Writes the rendered body out once, keeps it under the key (when there is one) and returns it.</summary>
    public string Keep(Key? key, IHtmlContent rendered)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        rendered.WriteTo(writer, HtmlEncoder.Default);
        var body = writer.ToString();
        if (key is not null)
            _bodies.Set(key, body, new MemoryCacheEntryOptions { Size = Math.Max(1, body.Length * 2L), AbsoluteExpirationRelativeToNow = ChangeFeed.LongestKept });
        return body;
    }
}
