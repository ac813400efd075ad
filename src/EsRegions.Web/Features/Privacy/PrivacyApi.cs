using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EsRegions.Web.Features.Privacy;

public sealed record ErasureRequest(string? Email, string? Reason);

public sealed record ErasureDto(Guid Id, DateTimeOffset ErasedAt, IReadOnlyDictionary<string, int> Counts, int Total);

/// <summary>
/// RODO for integrations and scripts, region administrators only: a person's export, and erasure with a reason.
/// Personal data leaves only in the response body; nothing is cached.
/// </summary>
internal static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacyApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/privacy").WithTags("Privacy").RequireAuthorization(Policies.TenantAdmin);
        g.MapGet("/export", ExportAsync).WithName("ExportPersonalData")
            .WithSummary("Everything the region holds about the person with this e-mail address: { person, tenant, exportedAt, sections: { name: [records] } }");
        g.MapPost("/erasures", EraseAsync).WithName("ErasePersonalData")
            .WithSummary("Erases or anonymises the person's data in every section in one transaction and records the erasure (reason, counts, a hash of the address); 200 with the counts per section");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(string? email, PersonalDataService privacy,
        HttpResponse response, CancellationToken ct)
    {
        var errors = PrivacyValidation.Email(email, "email");
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The e-mail address is invalid.");
        var export = await privacy.ExportAsync(new PersonRef(email!), ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(privacy.ToJson(export), "application/json; charset=utf-8");
    }

    private static async Task<Results<Ok<ErasureDto>, ValidationProblem>> EraseAsync(ErasureRequest? body, PersonalDataService privacy,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = PrivacyValidation.Email(body?.Email, "email");
        foreach (var (key, value) in PrivacyValidation.Reason(body?.Reason, "reason")) errors[key] = value;
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The erasure request is invalid; nothing was erased.");
        var result = await privacy.EraseAsync(new PersonRef(body!.Email!), body.Reason!, ct);
        return TypedResults.Ok(new ErasureDto(result.Id, clock.GetUtcNow(), result.Counts, result.Total));
    }
}

/// <summary>The checks of the page and the API alike, with Polish messages naming the field.</summary>
public static class PrivacyValidation
{
    public const int MaxEmailLength = 254;

    public static Dictionary<string, string[]> Email(string? email, string field)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(email)) errors[field] = ["Podaj adres e-mail."];
        else if (email.Trim().Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(email.Trim()) || !email.Contains('.'))
            errors[field] = ["Podaj poprawny adres e-mail."];
        return errors;
    }

    public static Dictionary<string, string[]> Reason(string? reason, string field)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason)) errors[field] = ["Podaj podstawę usunięcia danych (np. żądanie osoby z dnia …)."];
        else if (reason.Trim().Length > PersonalDataErasureConfiguration.ReasonLength)
            errors[field] = [$"Podstawa może mieć najwyżej {PersonalDataErasureConfiguration.ReasonLength} znaków."];
        return errors;
    }
}
