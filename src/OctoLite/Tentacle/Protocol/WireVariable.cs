namespace OctoLite.Tentacle.Protocol;

/// <summary>One variable of a script run, sent in full (sensitive ones too: the channel is mutual TLS) so the tentacle masks them before any line leaves it.</summary>
internal sealed record WireVariable(string Name, string Value, bool IsSensitive);
