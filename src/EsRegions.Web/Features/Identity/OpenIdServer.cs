using System.Security.Cryptography.X509Certificates;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// The OpenID Connect server (OpenIddict): one issuer for the platform, endpoints under /connect. Every client
/// belongs to one region (its "tenant" property); every token carries that region and is refused on any other's
/// routes. Development certificates from per-user files locally; X.509 certificates from configuration elsewhere.
/// </summary>
public static class OpenIdServer
{
    public const string ApiScope = "api";
    public const string TenantProperty = "tenant";

    public static WebApplicationBuilder AddOpenIdServer(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var relaxed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<EsRegionsDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(config["OpenIddict:Issuer"] ?? config["App:PublicUrl"] ?? "http://127.0.0.1:5080/"));
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ApiScope);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1)).SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                // Access tokens are signed JWTs (RFC 9068), not also encrypted: unwrapping the JWE key was an RSA private-key
                // operation on every API request, two thirds of the CPU of a small API call (docs/performance.md). The
                // token only says what its holder may already know (client, region, roles, scope) and is still signed
                // and short-lived; authorization codes and refresh tokens stay encrypted.
                o.DisableAccessTokenEncryption();
                AddCredentials(o, config, relaxed);
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                // Plain HTTP only where there is no TLS: the local machine and tests; production sits behind HTTPS.
                if (relaxed || !config.GetValue("OpenIddict:RequireHttps", true)) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        return builder;
    }

    private static void AddCredentials(OpenIddictServerBuilder o, IConfiguration config, bool development)
    {
        var signing = config["OpenIddict:SigningCertificate:Path"];
        var encryption = config["OpenIddict:EncryptionCertificate:Path"];
        if (signing is not null && encryption is not null)
        {
            o.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(signing, config["OpenIddict:SigningCertificate:Password"]));
            o.AddEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(encryption, config["OpenIddict:EncryptionCertificate:Password"]));
        }
        else if (development)
        {
            var directory = config["OpenIddict:DevelopmentCertificates:Directory"] ?? DevelopmentCertificates.DefaultDirectory;
            o.AddSigningCertificate(DevelopmentCertificates.Signing(directory));
            o.AddEncryptionCertificate(DevelopmentCertificates.Encryption(directory));
        }
        else
        {
            throw new Infrastructure.ConfigurationErrorException(
                "OpenIddict:SigningCertificate:Path and OpenIddict:EncryptionCertificate:Path (PKCS#12 files) are required outside Development.");
        }
    }

    /// <summary>The authentication scheme of bearer tokens on API routes.</summary>
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
}
