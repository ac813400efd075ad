using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// The authorization endpoint (code flow with PKCE): the person signs in to the client's region, then sees which
/// application asks for what and allows or refuses it.
/// </summary>
[PlatformScoped]
[AllowAnonymous]
public sealed class AuthorizeModel(IOpenIddictApplicationManager apps, TenantRegistry registry, TenantScopeFactory scopes) : PageModel
{
    public string ClientName { get; private set; } = "";
    public Tenant Region { get; private set; } = null!;
    public IReadOnlyList<string> Scopes { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => HandleAsync(decision: null);

    public Task<IActionResult> OnPostAsync(string decision) => HandleAsync(decision);

    private async Task<IActionResult> HandleAsync(string? decision)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var client = await apps.FindByClientIdAsync(request.ClientId!);
        var tenant = client is null ? null : await ClientTenant.OfAsync(apps, client, registry);
        if (tenant is null || !registry.IsActive(tenant)) return ToResult(ConnectEndpoints.Reject(Errors.InvalidClient, "The client belongs to no active region."));

        var session = (await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal;
        if (session?.TenantId() != tenant.Id.ToString() || (decision is null && request.HasPromptValue(PromptValues.Login)))
        {
            var here = Request.PathBase + Request.Path + QueryString.Create(Request.HasFormContentType
                ? Request.Form.Where(p => p.Key != "decision" && p.Key != "__RequestVerificationToken").Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
                : Request.Query.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
            return Redirect($"/{tenant.Slug}/konto/logowanie?ReturnUrl={Uri.EscapeDataString(here)}");
        }
        if (decision is null)
        {
            ClientName = await apps.GetLocalizedDisplayNameAsync(client!) ?? request.ClientId!;
            Region = tenant;
            Scopes = request.GetScopes().ToList();
            Parameters = Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())).ToList();
            return Page();
        }
        if (decision != "allow") return ToResult(ConnectEndpoints.Reject(Errors.AccessDenied, "The person refused the request."));
        await using var scope = scopes.CreateScope(tenant.Id);
        return ToResult(ConnectEndpoints.SignIn(UserIdentity.From(session!, tenant), request.GetScopes()));
    }

    private IActionResult ToResult(IResult result) => new ResultWrapper(result);

    private sealed class ResultWrapper(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
