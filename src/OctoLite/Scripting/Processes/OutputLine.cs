namespace OctoLite.Scripting.Processes;

/// <summary>One line written by a child process.</summary>
/// <param name="Stream">The pipe the line was read from.</param>
/// <param name="Text">
/// The line without its terminator (<c>\n</c> or <c>\r\n</c>), decoded as UTF-8; invalid bytes become U+FFFD.
/// A line longer than <see cref="ScriptProcessStartInfo.MaxLineBytes"/> arrives as several lines, cut on character boundaries.
/// </param>
/// <param name="Timestamp">When OctoLite read the line (from the start info's <see cref="TimeProvider"/>).</param>
internal readonly record struct OutputLine(OutputStream Stream, string Text, DateTimeOffset Timestamp);
