using EsRegions.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans;

public sealed record OrganisationDto(Guid Id, string ShortName, string Name, string Kind);

/// <summary>The tenant's register of implementer organisations.</summary>
internal static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations");
        group.MapGet("/", ListAsync).WithName("ListOrganisations").WithSummary("The region's register of implementer organisations");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetOrganisation").WithSummary("One organisation of the region's register");
        return api;
    }

    private static async Task<Ok<List<OrganisationDto>>> ListAsync(EsRegionsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<Organisation>()
            .OrderBy(o => o.ShortName)
            .Select(o => new OrganisationDto(o.Id, o.ShortName, o.Name, o.Kind.ToString()))
            .ToListAsync(ct));

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> GetAsync(Guid id, EsRegionsDbContext db, CancellationToken ct)
    {
        var dto = await db.Set<Organisation>()
            .Where(o => o.Id == id)
            .Select(o => new OrganisationDto(o.Id, o.ShortName, o.Name, o.Kind.ToString()))
            .FirstOrDefaultAsync(ct);
        return dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
    }
}
