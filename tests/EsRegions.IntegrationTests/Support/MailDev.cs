using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace EsRegions.IntegrationTests.Support;

/// <summary>
/// A real MailDev SMTP server (npm package installed by ops/test.sh into ops/node_modules) on free loopback ports,
/// read back through its REST API.
/// </summary>
public sealed class MailDev : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    public int SmtpPort { get; }

    private MailDev(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
    }

    /// <summary>Starts MailDev; <paramref name="smtpPort"/> lets a test reserve the port while the server is "down".</summary>
    public static async Task<MailDev> StartAsync(int? smtpPort = null, params string[] extraArgs)
    {
        // A port picked as free can be taken by someone else before MailDev binds it: then try fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(smtpPort ?? FreePorts.Next(), FreePorts.Next(), extraArgs);
            if (await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30))) return server;
            var exited = server._process.HasExited;
            await server.DisposeAsync();
            if (!exited || attempt == 3 || smtpPort is not null)
                throw new InvalidOperationException($"MailDev did not start (attempt {attempt}, exited: {exited})");
        }
    }

    private static MailDev Launch(int smtp, int web, string[] extraArgs)
    {
        var dir = Directory.CreateTempSubdirectory("maildev-").FullName;
        var psi = new ProcessStartInfo(FindBinary(),
            ["--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "-s", smtp.ToString(), "-w", web.ToString(), "--mail-directory", dir, "--silent", .. extraArgs])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        var server = new MailDev(Process.Start(psi)!, smtp, web);
        // Drain its output so that a chatty MailDev can never block on a full pipe.
        server._process.OutputDataReceived += (_, _) => { };
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        // Never outlive the test run, whatever happens to the test that started it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { server._process.Kill(); } catch (InvalidOperationException) { } };
        return server;
    }

    private async Task<bool> WaitUntilReadyAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                if ((await _http.GetAsync("/api/healthz")).IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        return false;
    }

    public async Task<List<JsonElement>> EmailsAsync() =>
        (await _http.GetFromJsonAsync<List<JsonElement>>("/api/email"))!;

    public async Task<string> SourceAsync(string id) => await _http.GetStringAsync($"/api/email/{id}/source");

    private static string FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable("ESR_MAILDEV_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured)) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ops", "node_modules", ".bin", "maildev");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("MailDev is not installed: run ops/test.sh (it runs npm ci in ops/) or set ESR_MAILDEV_BIN.");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
