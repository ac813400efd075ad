using System.Security.Cryptography.X509Certificates;
using EsRegions.Web.Features.Identity;

namespace EsRegions.UnitTests.Features.Identity;

/// <summary>
/// Development token certificates are two files created once per machine and read on every later start, whatever
/// the clock says; parallel starts end up with one file each, not one per start (docs/performance.md, start-up).
/// </summary>
public sealed class DevelopmentCertificatesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "esregions-dev-certs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_second_start_reads_the_certificate_the_first_created()
    {
        using var first = DevelopmentCertificates.Signing(_directory);
        using var second = DevelopmentCertificates.Signing(_directory);

        Assert.True(first.HasPrivateKey);
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.Equal(["signing.pfx"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Signing_and_encryption_certificates_are_different_keys_with_their_own_key_usage()
    {
        using var signing = DevelopmentCertificates.Signing(_directory);
        using var encryption = DevelopmentCertificates.Encryption(_directory);

        Assert.NotEqual(signing.Thumbprint, encryption.Thumbprint);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, signing.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal(X509KeyUsageFlags.KeyEncipherment, encryption.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
    }

    [Fact]
    public void They_are_valid_on_any_date_a_test_clock_or_a_real_one_uses()
    {
        using var signing = DevelopmentCertificates.Signing(_directory);

        Assert.True(signing.NotBefore.ToUniversalTime() <= new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(signing.NotAfter.ToUniversalTime() >= new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Parallel_starts_agree_on_one_certificate_and_leave_no_temporary_file()
    {
        var thumbprints = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            using var certificate = DevelopmentCertificates.Encryption(_directory);
            return certificate.Thumbprint;
        })));

        Assert.Single(thumbprints.Distinct());
        Assert.Equal(["encryption.pfx"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Only_the_owner_can_read_the_private_key_file()
    {
        if (OperatingSystem.IsWindows()) return;
        using var _ = DevelopmentCertificates.Signing(_directory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "signing.pfx")));
    }
}
