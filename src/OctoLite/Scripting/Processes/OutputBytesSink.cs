namespace OctoLite.Scripting.Processes;

/// <summary>
/// A <see cref="ScriptProcess"/> sink that takes each line as UTF-8 bytes, so a script flooding its output costs no
/// string per line. <paramref name="line"/> is what <see cref="OutputLine.Text"/> would hold, encoded as UTF-8
/// (always valid: invalid input bytes are replaced as the decoder would), and is only valid during the call.
/// </summary>
internal delegate void OutputBytesSink(OutputStream stream, ReadOnlySpan<byte> line);
