using System.Net;
using System.Net.Sockets;

namespace EsRegions.IntegrationTests.Support;

/// <summary>Free TCP ports on loopback for the real servers the tests start (PostgreSQL, MailDev, collectors).</summary>
public static class FreePorts
{
    /// <summary>A port the operating system just handed out on 127.0.0.1 and released again.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
