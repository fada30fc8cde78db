using OctoLite.Hosting;
using OctoLite.Server.Api;
using OctoLite.Server.Security;
using OctoLite.Server.Tasks;
using OctoLite.Storage;

namespace OctoLite.Server;

/// <summary>The running server's identity and addresses; addresses are known once Kestrel has bound.</summary>
internal sealed class ServerIdentity(DataPaths paths, OctoStore store, TimeProvider time, TaskEngine engine, ServerCertificate certificate)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public IReadOnlyList<string> ListenAddresses { get; set; } = [];

    /// <summary>The bound port of the polling endpoint, once it listens; null when the server opens none.</summary>
    public int? PollingPort { get; set; }

    public ServerStatus Status() => new(
        ProductInfo.Version,
        Environment.MachineName,
        Environment.ProcessId,
        _startedAt,
        time.GetUtcNow() - _startedAt,
        paths.Directory,
        store.SchemaVersion,
        ListenAddresses,
        paths.SocketFile,
        engine.Status(),
        certificate.Thumbprint,
        PollingPort);
}
