using System.Buffers.Text;
using System.Security.Cryptography;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Infrastructure.Links;

/// <summary>
/// Issues and resolves personal e-mail links (ARCHITECTURE.md, "E-mail links"). Issuing adds a row to the caller's
/// unit of work — save it with the change that sends the e-mail, so that a link and its message exist together or not
/// at all. Resolving answers null for every kind of bad token alike: malformed, unknown, of another purpose or
/// tenant, expired or revoked; pages then show the one generic page (the _InvalidLink partial).
/// </summary>
public sealed class EmailLinks(EsRegionsDbContext db, TimeProvider clock)
{
    public const int TokenBytes = 32;

    /// <summary>Creates a link and returns its token (Base64Url, 43 characters): put it in the URL, never store it.</summary>
    public string Issue(string purpose, Guid subjectId, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var token = RandomNumberGenerator.GetBytes(TokenBytes);
        db.Set<EmailLink>().Add(new EmailLink(purpose, subjectId, SHA256.HashData(token), clock.GetUtcNow(), expiresAt));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The active link of this purpose in the current tenant, or null for anything else. Changes nothing.</summary>
    public async Task<EmailLink?> ResolveAsync(string purpose, string? token, CancellationToken ct = default)
    {
        var hash = HashOf(token);
        if (hash is null) return null;
        var link = await db.Set<EmailLink>().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        return link is not null && link.Purpose == purpose && link.IsActive(clock.GetUtcNow()) ? link : null;
    }

    /// <summary>Revokes every link of this purpose for the subject (a participant removed, an invitation withdrawn).</summary>
    public async Task RevokeAsync(string purpose, Guid subjectId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var link in await ActiveLinks(purpose, subjectId).ToListAsync(ct)) link.Revoke(now);
    }

    /// <summary>Moves the expiry of the subject's links (a consultation's close or a meeting's date changed).</summary>
    public async Task ExtendAsync(string purpose, Guid subjectId, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        foreach (var link in await ActiveLinks(purpose, subjectId).ToListAsync(ct)) link.ExpireAt(expiresAt);
    }

    private IQueryable<EmailLink> ActiveLinks(string purpose, Guid subjectId) =>
        db.Set<EmailLink>().Where(l => l.Purpose == purpose && l.SubjectId == subjectId && l.RevokedAt == null);

    /// <summary>The stored form of a token; null when the text cannot be one of ours.</summary>
    internal static byte[]? HashOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != Base64Url.GetEncodedLength(TokenBytes)) return null;
        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (!Base64Url.IsValid(token) || Base64Url.DecodeFromChars(token, bytes) != TokenBytes) return null;
        return SHA256.HashData(bytes);
    }
}
