using System.Net;
using System.Net.Sockets;

namespace OctoLite.Tests.Workers;

/// <summary>
/// A TCP relay between the server and a tentacle that a test can break: drop every open connection, and refuse new
/// ones until resumed (as Halibut's tests do with their fault proxy). Bytes pass through untouched, TLS included.
/// </summary>
internal sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(Socket Client, Socket Target)> _open = [];
    private readonly Task _accepting;
    private volatile bool _refusing;

    public TcpFaultProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Closes every relayed connection now and refuses new ones until <see cref="Resume"/>.</summary>
    public void Break()
    {
        _refusing = true;
        lock (_gate)
        {
            foreach (var (client, target) in _open)
            {
                client.Close(0);
                target.Close(0);
            }

            _open.Clear();
        }
    }

    public void Resume() => _refusing = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Break();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_refusing)
            {
                client.Close(0);
                continue;
            }

            var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Close(0);
                target.Dispose();
                continue;
            }

            lock (_gate)
            {
                _open.Add((client, target));
            }

            _ = PumpAsync(client, target);
            _ = PumpAsync(target, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Broken on purpose, or closed at the other end.
        }
    }
}
