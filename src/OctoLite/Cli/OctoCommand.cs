using System.CommandLine;
using Command = System.CommandLine.Command;

namespace OctoLite.Cli;

/// <summary>
/// Base of every verb: owns the action, so each verb only implements <see cref="ExecuteAsync"/> and
/// returns an exit code. Failures become a message on stderr and their documented exit code.
/// </summary>
internal abstract class OctoCommand : Command
{
    protected OctoCommand(string name, string description, GlobalOptions options) : base(name, description)
    {
        Globals = options;
        SetAction(RunAsync);
    }

    protected GlobalOptions Globals { get; }

    protected abstract Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken);

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        CliContext? context = null;
        try
        {
            context = new CliContext(parseResult, Globals);
            return await ExecuteAsync(context, cancellationToken);
        }
        catch (CliException e)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            parseResult.InvocationConfiguration.Error.WriteLine("error: cancelled");
            return ExitCodes.CancelledOrTimedOut;
        }
        finally
        {
            context?.Dispose();
        }
    }
}
