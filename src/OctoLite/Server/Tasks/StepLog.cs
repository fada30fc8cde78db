using OctoLite.Domain;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Server.Tasks;

/// <summary>
/// A step's reports, into the task log under one block (the step's, or one invocation's). Reports from a tentacle's
/// journal come with their sequence (<see cref="Deliver"/>), stored with the lines they make.
/// </summary>
internal sealed class StepLog(TaskLogWriter log, string block) : IJournalOutput
{
    public Dictionary<string, (string Value, bool Sensitive)> OutputVariables { get; } = new(StringComparer.Ordinal);

    public string Block => block;

    public void Line(TaskLogLevel level, string text) => log.Write(level, block, text);

    /// <summary>A line still in the pipe's UTF-8 (neither a service message nor holding a secret): stored without becoming a string.</summary>
    public void LineUtf8(TaskLogLevel level, ReadOnlySpan<byte> text) => log.WriteUtf8(level, block, text);

    public void Progress(int percentage, string message) => log.Write(TaskLogLevel.Info, block, $"Progress {percentage}%: {message}");

    public void OutputVariable(string name, string value, bool isSensitive) => OutputVariables[name] = (value, isSensitive);

    /// <summary>The invocation's <see cref="TaskStepInvocation.TentacleSequence"/> is stored in the same write as the lines the entry made.</summary>
    public void Deliver(long sequence, Action report) => log.WriteThrough(block, sequence, report);
}
