using OctoLite.Domain;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// Where a running step reports to. Calls come one at a time, in the order the script wrote them; every text is
/// already masked. A slow sink slows the script (its pipe fills) rather than buffering without bound.
/// </summary>
internal interface IStepOutput
{
    /// <summary>A log line: script output at the level its service messages set, or the runner's own notes.</summary>
    void Line(TaskLogLevel level, string text);

    /// <summary><c>##octopus[progress percentage='…' message='…']</c>.</summary>
    void Progress(int percentage, string message);

    /// <summary><c>##octopus[setVariable …]</c>: an output variable, usable by later steps as <c>Octopus.Action[Step].Output.Name</c>.</summary>
    void OutputVariable(string name, string value, bool isSensitive);
}
