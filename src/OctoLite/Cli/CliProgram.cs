using System.CommandLine;
using System.CommandLine.Invocation;
using OctoLite.Hosting;

namespace OctoLite.Cli;

/// <summary>Parses and runs one command line. Usage errors exit 2, as the CLI's conventions promise.</summary>
internal static class CliProgram
{
    public static async Task<int> RunAsync(string[] args, EnvironmentVariables environment, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        RootCommand root;
        ParseResult parseResult;
        try
        {
            root = CliRoot.Create(environment);
            parseResult = root.Parse(args);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }

        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {ParseErrors.Describe(parseError)}");
            }

            var verb = string.Join(' ', parseResult.CommandResult.Command is var command && command != root ? Path(parseResult) : ["octolite"]);
            await error.WriteLineAsync($"Run '{verb} --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Verbs honour the token themselves; give them time to finish cleanly on Ctrl+C or SIGTERM.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
    }

    private static IEnumerable<string> Path(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command == parseResult.RootCommandResult.Command ? "octolite" : result.Command.Name);
        }

        return names;
    }
}
