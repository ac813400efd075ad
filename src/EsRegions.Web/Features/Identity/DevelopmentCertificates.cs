using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// Token signing and encryption certificates for a machine without configured ones (Development and tests): one
/// PKCS#12 file per purpose in a per-user directory, created on first use and read on every later start.
/// </summary>
/// <remarks>
/// OpenIddict's own development certificates live in the user's X.509 store and are judged valid against the app's
/// clock; tests run on a fixed fake date, so every test host found none valid and added two more. After a day of
/// test runs the store held 1,600 certificates, and every start read all of them (1.5 s of CPU on the first request;
/// docs/performance.md). These files are valid from 2000 to 2100, so any clock accepts them, and there are two.
/// </remarks>
public static class DevelopmentCertificates
{
    public static string DefaultDirectory => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "EsRegions", "development-certificates");

    private static readonly DateTimeOffset ValidFrom = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ValidUntil = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static X509Certificate2 Signing(string directory) =>
        LoadOrCreate(directory, "signing", X509KeyUsageFlags.DigitalSignature);

    public static X509Certificate2 Encryption(string directory) =>
        LoadOrCreate(directory, "encryption", X509KeyUsageFlags.KeyEncipherment);

    /// <summary>Reads DIRECTORY/NAME.pfx, or creates it. Concurrent starts (parallel test hosts) agree on one file:
    /// each writes its own temporary file and only the first rename wins; the others read the winner.</summary>
    public static X509Certificate2 LoadOrCreate(string directory, string name, X509KeyUsageFlags usage)
    {
        var path = Path.Combine(directory, name + ".pfx");
        if (File.Exists(path)) return Load(path);

        Directory.CreateDirectory(directory);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=EsRegions development {name} certificate", rsa, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var created = request.CreateSelfSigned(ValidFrom, ValidUntil);
        var temporary = Path.Combine(directory, $"{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, created.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs, so every host on this machine signs with one key.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
        return Load(path);
    }

    private static X509Certificate2 Load(string path) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
}
