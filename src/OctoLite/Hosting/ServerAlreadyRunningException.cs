namespace OctoLite.Hosting;

internal sealed class ServerAlreadyRunningException(string message) : Exception(message);
