using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>The OpenAPI document at /openapi/v1.json and its browsable reference at /scalar.</summary>
internal static partial class OpenApiSetup
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<TenantPathsTransformer>());

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("EsRegions API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();

    /// <summary>
    /// Tenant routes are mapped once without the slug (tenant resolution moves it to PathBase); integrators call them
    /// as /{slug}/api/v1/..., so the document says so.
    /// </summary>
    private sealed class TenantPathsTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "EsRegions API";
            document.Info.Description =
                "Regional social-economy policy: plans, committees, meetings, consultations, monitoring and comparison. " +
                "Tenant routes live under /{slug}/api/v1/ (slugs: GET /api/v1/tenants) and also answer on a region's own host. " +
                "Errors are RFC 9457 problem details.";
            var tenantPaths = context.DescriptionGroups
                .SelectMany(g => g.Items)
                .Where(d => d.ActionDescriptor.EndpointMetadata.OfType<IEndpointScope>().Any(s => s.RequiresTenant))
                .Select(d => "/" + RouteConstraint().Replace(d.RelativePath!.Split('?')[0], "{$1}").TrimEnd('/'))
                .ToHashSet();
            foreach (var path in document.Paths.Keys.Where(p => tenantPaths.Contains(p.TrimEnd('/'))).ToList())
            {
                var item = (OpenApiPathItem)document.Paths[path];
                document.Paths.Remove(path);
                item.Parameters ??= [];
                item.Parameters.Insert(0, new OpenApiParameter
                {
                    Name = "slug",
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = "The region (tenant) slug, e.g. mazowsze, malopolska, warmia-mazury, lubelskie.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
                document.Paths["/{slug}" + path] = item;
            }
            return Task.CompletedTask;
        }
    }
}
