using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EsRegions.Web.Features.Plans;

/// <summary>
/// The plan tree API's answer, serialised once per plan revision. <see cref="Plan.Revision"/> is bumped by database
/// triggers on every write of the plan, its nodes, actions or indicators, so a request costs one indexed read of the
/// revision when nothing changed (docs/performance.md). The entity tag is the revision plus a hash of what else shapes
/// the answer (the region's level labels, this build), so a client that already has it gets 304.
/// </summary>
/// <remarks>
/// Entries are keyed by region and plan; the revision is read through the region's own filter and row-level security,
/// so another region's plan id finds nothing here either. The revision is read before the rows: a write that lands
/// in between can only make the stored answer newer than its tag, and the next request sees a new tag and rebuilds.
/// </remarks>
public sealed class PlanTreeCache(IOptions<PlanTreeCache.Settings> settings, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public sealed class Settings
    {
        /// <summary>Upper bound of the serialised trees kept in memory (a 2,000-action plan is about 2 MB).</summary>
        public int TreeCacheMegabytes { get; set; } = 64;

        /// <summary>Upper bound of the rendered plan pages kept in memory (<see cref="PlanPageCache"/>; 2,000 actions: about 4 MB).</summary>
        public int PageCacheMegabytes { get; set; } = 64;
    }

    public sealed record Answer(string ETag, byte[] Json);

    private static readonly string Build = typeof(PlanTreeCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly MemoryCache _trees = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, settings.Value.TreeCacheMegabytes) * 1024L * 1024L });

    /// <summary>The tree as JSON with its entity tag, or null when the region has no such plan.</summary>
    public async Task<Answer?> GetAsync(Guid planId, EsRegionsDbContext db, PlanQueries queries, TenantContext tenant, CancellationToken ct)
    {
        var revision = await db.Set<Plan>().Where(p => p.Id == planId).Select(p => (long?)p.Revision).FirstOrDefaultAsync(ct);
        if (revision is null) return null;
        var region = tenant.Required;
        var etag = Tag(revision.Value, region.Settings.PlanLevels.Select(l => l.Label));
        var key = (region.Id, planId);
        if (_trees.TryGetValue(key, out Answer? cached) && cached!.ETag == etag) return cached;

        if (await queries.TreeAsync(planId, ct) is not { } tree) return null;
        var answer = new Answer(etag, JsonSerializer.SerializeToUtf8Bytes(tree, json.Value.SerializerOptions));
        _trees.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Json.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return answer;
    }

    /// <summary>A strong entity tag: "revision-hash" of the labels and the build.</summary>
    public static string Tag(long revision, IEnumerable<string> labels)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Build + "\n" + string.Join("\n", labels)));
        return $"\"{revision}-{Convert.ToHexStringLower(hash, 0, 6)}\"";
    }

    /// <summary>True when the request's If-None-Match names this tag (or is "*").</summary>
    public static bool Matches(HttpRequest request, string etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any)
            || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
}
