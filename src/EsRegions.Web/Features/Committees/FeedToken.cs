using System.Buffers.Text;
using System.Security.Cryptography;

namespace EsRegions.Web.Features.Committees;

/// <summary>The secret of a member's private calendar feed: 32 random bytes in the URL, only their SHA-256 stored.</summary>
public static class FeedToken
{
    public static string New(out byte[] hash)
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        hash = SHA256.HashData(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
