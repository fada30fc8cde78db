using System.CommandLine;
using OctoLite.Hosting;
using OctoLite.Server;

namespace OctoLite.Cli.ServerVerbs;

internal sealed class ServerRunCommand : OctoCommand
{
    private readonly Option<string?> _listen;
    private readonly Option<string?> _logFormat;

    public ServerRunCommand(GlobalOptions options) : base("run", "Run the server in the foreground until SIGTERM or Ctrl+C", options)
    {
        _listen = new Option<string?>("--listen")
        {
            Description = $"TCP address of the REST API, or 'none' for the Unix socket only (env: {EnvironmentVariables.Listen}; default: {ServerOptions.DefaultListen})",
            HelpName = "host:port",
        };
        _logFormat = new Option<string?>("--log-format")
        {
            Description = $"Format of the logs written to stderr (env: {EnvironmentVariables.LogFormat}; default: text)",
            HelpName = "text|json",
        };
        Options.Add(_listen);
        Options.Add(_logFormat);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var listen = result.GetValue(_listen) ?? context.Environment.Get(EnvironmentVariables.Listen) ?? ServerOptions.DefaultListen;
        if (!ListenAddress.TryParse(listen, out _, out var error))
        {
            throw CliException.Usage(error);
        }

        var logFormat = (result.GetValue(_logFormat) ?? context.Environment.Get(EnvironmentVariables.LogFormat) ?? "text").ToLowerInvariant() switch
        {
            "text" => LogFormat.Text,
            "json" => LogFormat.Json,
            var other => throw CliException.Usage($"--log-format (or {EnvironmentVariables.LogFormat}) must be text or json (got '{other}')."),
        };

        var serverOptions = new ServerOptions
        {
            Paths = context.Paths,
            Listen = listen.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : listen,
            LogFormat = logFormat,
        };
        await using var server = await StartAsync(serverOptions, cancellationToken);
        await server.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>Starts a server, turning the reasons it cannot start into clear messages.</summary>
    public static async Task<OctoLiteServer> StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await OctoLiteServer.StartAsync(options, cancellationToken);
        }
        catch (ServerStartException e)
        {
            throw new CliException(ExitCodes.Failed, e.Message);
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(ExitCodes.Failed, $"Cannot listen on {options.Listen}: the address is already in use. Choose another with --listen host:port.");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException(ExitCodes.Failed, $"Cannot use the data dir {options.Paths.Directory}: {e.Message}");
        }
    }
}
