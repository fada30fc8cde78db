using System.CommandLine;
using OctoLite.Hosting;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

internal sealed class TentacleRunCommand : TentacleCommand
{
    private readonly Option<string?> _logFormat = new("--log-format")
    {
        Description = $"Format of the logs written to stderr (env: {EnvironmentVariables.LogFormat}; default: text)",
        HelpName = "text|json",
    };

    public TentacleRunCommand(GlobalOptions options) : base("run", "Run the tentacle agent in the foreground until SIGTERM or Ctrl+C; logs go to stderr", options) =>
        Options.Add(_logFormat);

    protected override async Task<int> ExecuteAsync(CliContext context, TentacleInstances instances, CancellationToken cancellationToken)
    {
        var logFormat = (context.ParseResult.GetValue(_logFormat) ?? context.Environment.Get(EnvironmentVariables.LogFormat) ?? "text").ToLowerInvariant() switch
        {
            "text" => LogFormat.Text,
            "json" => LogFormat.Json,
            var other => throw CliException.Usage($"--log-format (or {EnvironmentVariables.LogFormat}) must be text or json (got '{other}')."),
        };
        var config = LoadInstance(context, instances);
        if (config.TrustedThumbprints.Count == 0)
        {
            context.Error.WriteLine($"warning: instance {config.Name} trusts no server yet, so every connection is refused. Trust one with `octolite tentacle configure --instance {config.Name} --trust <thumbprint>`.");
        }

        TentacleAgent agent;
        try
        {
            agent = await TentacleAgent.StartAsync(config, new TentacleAgentOptions { LogFormat = logFormat }, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message);
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(ExitCodes.Failed, $"Cannot listen on {config.ListenAddress}:{config.ListenPort}: the address is already in use. Choose another with `octolite tentacle configure --port`.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Failed, $"Cannot start tentacle instance {config.Name} in {config.HomeDirectory}: {e.Message}");
        }

        await using (agent)
        {
            await agent.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
