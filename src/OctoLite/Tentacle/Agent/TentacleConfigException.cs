namespace OctoLite.Tentacle.Agent;

/// <summary>An instance's settings or the instance registry cannot be used; the message says which file and why.</summary>
internal sealed class TentacleConfigException(string message) : Exception(message);
