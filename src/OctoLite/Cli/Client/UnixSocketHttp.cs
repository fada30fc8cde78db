using System.Net.Sockets;

namespace OctoLite.Cli.Client;

/// <summary>
/// HTTP over the server's Unix socket. Self-contained (the benchmark harness compiles this file in too), so it
/// uses nothing else of OctoLite.
/// </summary>
internal static class UnixSocketHttp
{
    /// <summary>A handler whose every connection goes to <paramref name="socketPath"/>; pair it with a base address of <c>http://localhost/</c>.</summary>
    public static SocketsHttpHandler CreateHandler(string socketPath) => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
