using System.Security.Cryptography;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// The optional public link: anyone may comment, giving name, e-mail and organisation; they then get a personal link
/// by e-mail to edit or withdraw. The key is random (not the consultation's id), so the link can be switched off.
/// </summary>
public sealed class ConsultationPublicLink
{
    public void Enable(Consultation consultation) =>
        consultation.EnablePublicLink(Base64Url(RandomNumberGenerator.GetBytes(18)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
