using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace OctoLite.Workers.Tentacle;

/// <summary>
/// One <see cref="TentacleClient"/> per tentacle address and pinned thumbprint, kept so that connections are reused
/// across steps. Changing a worker's thumbprint makes a new client (the old one is dropped when the server stops).
/// </summary>
internal sealed class TentacleClients(X509Certificate2 serverCertificate, TentacleTimeouts timeouts) : IDisposable
{
    private readonly ConcurrentDictionary<(string Uri, string Thumbprint), Lazy<TentacleClient>> _clients = new();

    public TentacleTimeouts Timeouts => timeouts;

    /// <summary>The client for a listening tentacle at <paramref name="uri"/> whose certificate must be <paramref name="thumbprint"/>.</summary>
    public TentacleClient For(Uri uri, string thumbprint) =>
        _clients.GetOrAdd((uri.AbsoluteUri, thumbprint.ToUpperInvariant()), key => new Lazy<TentacleClient>(() => new TentacleClient(new Uri(key.Uri), key.Thumbprint, serverCertificate, timeouts))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}
