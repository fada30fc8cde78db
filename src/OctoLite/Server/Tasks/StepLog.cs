using OctoLite.Domain;
using OctoLite.Scripting.Runner;

namespace OctoLite.Server.Tasks;

/// <summary>A step's reports, into the task log under one block (the step's, or one invocation's).</summary>
internal sealed class StepLog(TaskLogWriter log, string block) : IStepOutput
{
    public Dictionary<string, (string Value, bool Sensitive)> OutputVariables { get; } = new(StringComparer.Ordinal);

    public string Block => block;

    public void Line(TaskLogLevel level, string text) => log.Write(level, block, text);

    /// <summary>A line still in the pipe's UTF-8 (neither a service message nor holding a secret): stored without becoming a string.</summary>
    public void LineUtf8(TaskLogLevel level, ReadOnlySpan<byte> text) => log.WriteUtf8(level, block, text);

    public void Progress(int percentage, string message) => log.Write(TaskLogLevel.Info, block, $"Progress {percentage}%: {message}");

    public void OutputVariable(string name, string value, bool isSensitive) => OutputVariables[name] = (value, isSensitive);
}
