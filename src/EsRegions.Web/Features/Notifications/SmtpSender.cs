using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EsRegions.Web.Features.Notifications;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1025;
    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.None;
    public string? User { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The one seam to the SMTP server: a connection that is opened once and reused for a batch.</summary>
public interface ISmtpSender : IAsyncDisposable
{
    /// <summary>Sends one message and returns the server's answer; throws MailKit's exceptions on failure.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken ct);
}

internal sealed class MailKitSmtpSender(IOptions<SmtpOptions> options) : ISmtpSender
{
    private readonly SmtpClient _client = new();

    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        await EnsureConnectedAsync(ct);
        return await _client.SendAsync(message, ct);
    }

    private async Task EnsureConnectedAsync(CancellationToken ct)
    {
        if (_client.IsConnected) return;
        var o = options.Value;
        _client.Timeout = (int)o.Timeout.TotalMilliseconds;
        // Nagle off: MailKit writes a message in several small writes, and with Nagle on the last one waits for the
        // server's delayed ACK (40 ms on Linux), which made every message with an attachment cost ~45 ms
        // (docs/performance.md, mail_vs_raw).
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(o.Host, o.Port, ct);
            await _client.ConnectAsync(socket, o.Host, o.Port, o.Security, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(o.User)) await _client.AuthenticateAsync(o.User, o.Password ?? "", ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException)
        {
            // The batch is over either way; a failed QUIT loses nothing.
        }
        _client.Dispose();
    }
}
