using OctoLite.Tentacle.Protocol;

namespace OctoLite.Server.Api;

/// <summary>
/// What <c>GET /api/workers/{idOrName}/connection</c> found when the server called the worker: whether it answered
/// through mutual TLS with its pinned certificate, what went wrong when not, and its capabilities when it did.
/// </summary>
/// <param name="Reachable">True when the tentacle answered.</param>
/// <param name="Message">What happened, for people: the tentacle's description, or why it could not be used.</param>
internal sealed record WorkerConnection(string WorkerId, string WorkerName, string Uri, bool Reachable, string Message, TentacleCapabilities? Capabilities);
