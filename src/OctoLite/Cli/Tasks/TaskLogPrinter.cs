using OctoLite.Cli.Client;
using OctoLite.Cli.Output;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>Writes task log lines to stdout: formatted for people, or one JSON object per line with <c>-o json</c>.</summary>
internal sealed class TaskLogPrinter(CliContext context, bool verbose)
{
    public TaskLogBlocks Blocks { get; } = new();

    public void Write(TaskLogLine line)
    {
        if (line.Level == TaskLogLevel.Verbose && !verbose)
        {
            return;
        }

        if (context.Format == OutputFormat.Json)
        {
            context.WriteJsonLine(line, CliJsonContext.Default.TaskLogLine);
        }
        else
        {
            context.Out.WriteLine(TaskLogView.Line(line, Blocks, context.Time));
        }
    }
}
