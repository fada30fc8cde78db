using System.Collections.Concurrent;
using OctoLite.Domain;
using OctoLite.Hosting;
using OctoLite.Server.Audit;
using OctoLite.Server.Pools;
using OctoLite.Server.Security;
using OctoLite.Storage;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Server.Polling;

/// <summary>
/// Who may poll: a client certificate is accepted at the TLS handshake only when a polling worker
/// (TentacleActive) is registered with its thumbprint, and a poll for a subscription only from the certificate of
/// that subscription's worker. Refusals are logged every time and audited once per thumbprint and reason while the
/// server runs, so a tentacle retrying all night does not flood the audit trail.
/// </summary>
internal sealed partial class PollingTrust(OctoStore store, AuditTrail audit, ILogger<PollingTrust> logger)
{
    private readonly ConcurrentDictionary<string, bool> _audited = new(StringComparer.Ordinal);

    /// <summary>True when a polling worker is registered with <paramref name="thumbprint"/>; logs and audits a refusal.</summary>
    public bool IsTrusted(string? thumbprint, string remote)
    {
        if (thumbprint is null)
        {
            LogNoCertificate(logger, remote);
            return false;
        }

        var normalized = SelfSignedCertificates.Normalize(thumbprint);
        if (store.Read(s => s.Workers.All().Any(w => IsPolling(w) && w.Endpoint.Thumbprint == normalized)))
        {
            return true;
        }

        LogUntrusted(logger, remote, normalized);
        Audit(normalized, "", $"Refused a polling connection from {remote}: certificate {normalized} belongs to no polling worker. Register the tentacle (`octolite tentacle register-worker --comms-style TentacleActive`) if it is yours.");
        return false;
    }

    /// <summary>The polling worker of <paramref name="subscriptionId"/> when <paramref name="thumbprint"/> is its certificate; else null, logged and audited.</summary>
    public Worker? Authorize(string subscriptionId, string thumbprint, string remote)
    {
        var normalized = SelfSignedCertificates.Normalize(thumbprint);
        var workers = store.Read(s => s.Workers.All().Where(w => IsPolling(w) && TentacleProtocol.SubscriptionOf(w.Endpoint.Uri) == subscriptionId).ToList());
        if (workers.FirstOrDefault(w => w.Endpoint.Thumbprint == normalized) is { } worker)
        {
            return worker;
        }

        var reason = workers.Count == 0
            ? $"no polling worker has subscription poll://{subscriptionId}/"
            : $"subscription poll://{subscriptionId}/ belongs to worker '{workers[0].Name}', whose certificate is {workers[0].Endpoint.Thumbprint}, not {normalized}";
        LogRefusedPoll(logger, remote, subscriptionId, reason);
        Audit(normalized, workers.FirstOrDefault()?.Id ?? "", $"Refused a poll from {remote}: {reason}.");
        return null;
    }

    private void Audit(string thumbprint, string workerId, string message)
    {
        if (!_audited.TryAdd($"{thumbprint}/{workerId}", true))
        {
            return;
        }

        store.Write(s =>
        {
            audit.Record(s, Actor.System, "TrustFailure", WorkerService.DocumentType, workerId, message);
            return true;
        });
    }

    private static bool IsPolling(Worker worker) => worker.Endpoint.CommunicationStyle == CommunicationStyle.TentacleActive;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling endpoint: refused a connection from {Remote}: it presented no client certificate")]
    private static partial void LogNoCertificate(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling endpoint: refused a connection from {Remote}: certificate {Thumbprint} belongs to no polling worker")]
    private static partial void LogUntrusted(ILogger logger, string remote, string thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling endpoint: refused a poll from {Remote} for subscription {Subscription}: {Reason}")]
    private static partial void LogRefusedPoll(ILogger logger, string remote, string subscription, string reason);
}
