using System.Text;
using OctoLite.Domain;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// Where a running step reports to. Calls never overlap (the runner serialises them under one lock), but they come
/// from thread-pool threads, not always the same one. Stdout lines keep the order the script wrote them, and so do
/// stderr lines; the two pipes are read separately, so how they interleave is the order they were read in. Every
/// text is already masked. A slow sink slows the script (its pipe fills) rather than buffering without bound.
/// If a call throws, the runner stops the script and <see cref="StepRunner.RunAsync"/> rethrows that exception.
/// </summary>
internal interface IStepOutput
{
    /// <summary>A log line: script output at the level its service messages set, or the runner's own notes.</summary>
    void Line(TaskLogLevel level, string text);

    /// <summary>
    /// A line of script output as UTF-8: the same as <see cref="Line(TaskLogLevel, string)"/> with the text encoded,
    /// for sinks that store bytes (most script output reaches them this way, with no string made for it). The text is
    /// valid UTF-8 and already masked; it holds no <c>\n</c> but may hold <c>\r</c>, as a text line may. Only valid
    /// during the call. By default it is decoded and passed to <see cref="Line(TaskLogLevel, string)"/>.
    /// </summary>
    void LineUtf8(TaskLogLevel level, ReadOnlySpan<byte> text) => Line(level, Encoding.UTF8.GetString(text));

    /// <summary><c>##octopus[progress percentage='…' message='…']</c>; the message is masked.</summary>
    void Progress(int percentage, string message);

    /// <summary>
    /// <c>##octopus[setVariable …]</c>: an output variable, usable by later steps as <c>Octopus.Action[Step].Output.Name</c>.
    /// The value is the script's, unmasked: store it encrypted when <paramref name="isSensitive"/>, which is also
    /// true when the script did not say so but the value holds a sensitive value the step knows.
    /// </summary>
    void OutputVariable(string name, string value, bool isSensitive);
}
