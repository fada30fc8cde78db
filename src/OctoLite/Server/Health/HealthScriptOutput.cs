using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Server.Tasks;

namespace OctoLite.Server.Health;

/// <summary>A health script's output, into the worker's block of the Health task's log, remembering its first warning or error line.</summary>
internal sealed class HealthScriptOutput(StepLog log) : IStepOutput
{
    private readonly Lock _gate = new();

    /// <summary>The first line the script wrote at Warning level or above (stderr counts); null when none.</summary>
    public string? FirstWarning
    {
        get
        {
            lock (_gate)
            {
                return field;
            }
        }

        private set;
    }

    public void Line(TaskLogLevel level, string text)
    {
        Note(level, text);
        log.Line(level, text);
    }

    public void LineUtf8(TaskLogLevel level, ReadOnlySpan<byte> text)
    {
        if (level >= TaskLogLevel.Warning)
        {
            Note(level, System.Text.Encoding.UTF8.GetString(text));
        }

        log.LineUtf8(level, text);
    }

    public void Progress(int percentage, string message) => log.Progress(percentage, message);

    public void OutputVariable(string name, string value, bool isSensitive)
    {
        // A health script's output variables go nowhere: no step follows it.
    }

    private void Note(TaskLogLevel level, string text)
    {
        if (level >= TaskLogLevel.Warning)
        {
            lock (_gate)
            {
                FirstWarning ??= text;
            }
        }
    }
}
