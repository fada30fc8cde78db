namespace OctoLite.Server;

/// <summary>The server cannot start for a reason the operator can act on: another server holds the data dir, or the data file is unusable.</summary>
internal sealed class ServerStartException(string message, Exception inner) : Exception(message, inner);
