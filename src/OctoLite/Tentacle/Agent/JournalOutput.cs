using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// The step runner's output as journal entries. The runner masks every text before it gets here, so nothing
/// sensitive reaches the disk or the wire; output variables keep their value (the server stores sensitive ones
/// encrypted) and carry their sensitivity.
/// </summary>
internal sealed class JournalOutput(ScriptJournal journal) : IStepOutput
{
    public void Line(TaskLogLevel level, string text) =>
        journal.Append(new ScriptEvent { Kind = ScriptEventKind.Line, Level = level.ToString(), Text = text });

    public void Progress(int percentage, string message) =>
        journal.Append(new ScriptEvent { Kind = ScriptEventKind.Progress, Percentage = percentage, Text = message });

    public void OutputVariable(string name, string value, bool isSensitive) =>
        journal.Append(new ScriptEvent { Kind = ScriptEventKind.OutputVariable, Name = name, Value = value, IsSensitive = isSensitive });

    /// <summary>A file the script asked to keep, by its path relative to the workspace.</summary>
    public void Artifact(string name, string relativePath) =>
        journal.Append(new ScriptEvent { Kind = ScriptEventKind.Artifact, Name = name, Path = relativePath });
}
