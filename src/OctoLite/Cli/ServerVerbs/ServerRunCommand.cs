using System.CommandLine;
using OctoLite.Hosting;
using OctoLite.Server;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Cli.ServerVerbs;

internal sealed class ServerRunCommand : OctoCommand
{
    private readonly Option<string?> _listen;
    private readonly Option<string?> _logFormat;
    private readonly Option<string?> _pollingPort;

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
        _pollingPort = new Option<string?>("--polling-port")
        {
            Description = $"TCP port polling tentacles connect to, on every interface; 0 picks a free one, 'none' opens none (env: {EnvironmentVariables.PollingPort}; default: {TentacleProtocol.DefaultPollingPort})",
            HelpName = "port|none",
        };
        Options.Add(_listen);
        Options.Add(_pollingPort);
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

        var pollingText = result.GetValue(_pollingPort) ?? context.Environment.Get(EnvironmentVariables.PollingPort);
        int? pollingPort = pollingText switch
        {
            null => TentacleProtocol.DefaultPollingPort,
            _ when pollingText.Equals("none", StringComparison.OrdinalIgnoreCase) => null,
            _ when int.TryParse(pollingText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535 => port,
            _ => throw CliException.Usage($"--polling-port (or {EnvironmentVariables.PollingPort}) must be a TCP port from 0 to 65535, or 'none' (got '{pollingText}')."),
        };

        var serverOptions = new ServerOptions
        {
            PollingPort = pollingPort,
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
            var port = options.PollingPort ?? -1;
            var polling = port > 0 && e.Message.Contains($":{port}", StringComparison.Ordinal);
            throw new CliException(ExitCodes.Failed, polling
                ? $"Cannot open the polling endpoint on port {port}: the address is already in use (another server?). Choose another with --polling-port P, or --polling-port none to open none."
                : $"Cannot listen on {options.Listen}: the address is already in use. Choose another with --listen host:port.");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException(ExitCodes.Failed, $"Cannot use the data dir {options.Paths.Directory}: {e.Message}");
        }
    }
}
