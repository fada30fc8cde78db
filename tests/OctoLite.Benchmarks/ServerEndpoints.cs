namespace OctoLite.Benchmarks;

/// <summary>Where tentacles reach a server, as <c>GET /api/serverstatus</c> reports it.</summary>
/// <param name="ApiAddress">The TCP REST API, <c>http://127.0.0.1:PORT</c>: <c>tentacle register-worker --server</c>.</param>
/// <param name="PollingPort">The polling endpoint's port, which register-worker gives a polling tentacle.</param>
/// <param name="Thumbprint">The server certificate's thumbprint, which register-worker makes the tentacle trust.</param>
internal sealed record ServerEndpoints(string ApiAddress, int PollingPort, string Thumbprint);
