namespace OctoLite.Scripting.Processes;

/// <summary>
/// Receives one line of a child's output: valid UTF-8 (invalid bytes already replaced by U+FFFD's encoding), without
/// its terminator. The span is only valid during the call: copy what must outlive it.
/// </summary>
internal delegate void Utf8LineHandler(ReadOnlySpan<byte> line);
