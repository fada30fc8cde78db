using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using OctoLite.Tentacle.Protocol;
using OctoLite.Workers.Tentacle.Polling;

namespace OctoLite.Workers.Tentacle;

/// <summary>
/// One <see cref="TentacleClient"/> per tentacle address (or polling subscription) and pinned thumbprint, kept so that connections are reused
/// across steps. Changing a worker's thumbprint makes a new client (the old one is dropped when the server stops).
/// </summary>
internal sealed class TentacleClients(X509Certificate2 serverCertificate, TentacleTimeouts timeouts, PollingQueues polling, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<(string Uri, string Thumbprint), Lazy<TentacleClient>> _clients = new();

    public TentacleTimeouts Timeouts => timeouts;

    /// <summary>The client for a listening tentacle at <paramref name="uri"/> whose certificate must be <paramref name="thumbprint"/>.</summary>
    public TentacleClient For(Uri uri, string thumbprint) =>
        _clients.GetOrAdd((uri.AbsoluteUri, thumbprint.ToUpperInvariant()), key => new Lazy<TentacleClient>(() => new TentacleClient(new Uri(key.Uri), key.Thumbprint, serverCertificate, timeouts))).Value;

    /// <summary>
    /// The client for the polling tentacle of subscription <paramref name="subscriptionId"/> (<c>poll://ID/</c>) whose
    /// certificate is <paramref name="thumbprint"/>; its calls wait up to <paramref name="pickupTimeout"/> for a poll.
    /// </summary>
    public TentacleClient ForPolling(string subscriptionId, string thumbprint, TimeSpan pickupTimeout)
    {
        var uri = $"{TentacleProtocol.PollScheme}://{subscriptionId}/";
        var client = _clients.GetOrAdd((uri, thumbprint.ToUpperInvariant()), key => new Lazy<TentacleClient>(() =>
            new TentacleClient(new Uri(key.Uri), key.Thumbprint, serverCertificate, timeouts, new PollingHandler(polling.For(subscriptionId), new Uri(key.Uri), time)))).Value;
        client.PickupTimeout = pickupTimeout;
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}
