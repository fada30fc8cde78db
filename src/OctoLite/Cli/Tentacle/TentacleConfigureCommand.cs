using System.CommandLine;
using System.Net;
using OctoLite.Hosting;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// Changes an instance's settings. Everything is checked before anything is written; trust changes apply in the
/// order --reset-trust, --remove-trust, --trust. A running agent picks up trust changes on its next connection;
/// listening changes need a restart.
/// </summary>
internal sealed class TentacleConfigureCommand : TentacleCommand
{
    private readonly Option<int?> _port = new("--port") { Description = "TCP port to listen on (default 10933)", HelpName = "port" };
    private readonly Option<string?> _listenAddress = new("--listen-address") { Description = "IP address to listen on (default 0.0.0.0, every interface)", HelpName = "address" };
    private readonly Option<string[]> _trust = new("--trust") { Description = "Trust a server certificate thumbprint (repeatable)", HelpName = "thumbprint", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _removeTrust = new("--remove-trust") { Description = "Stop trusting a server certificate thumbprint (repeatable)", HelpName = "thumbprint" };
    private readonly Option<bool> _resetTrust = new("--reset-trust") { Description = "Trust no server (then add any --trust)" };
    private readonly Option<bool?> _noListen = new("--no-listen") { Description = "Open no listening port (a polling tentacle); --no-listen false listens again", HelpName = "true|false", Arity = ArgumentArity.ZeroOrOne };

    public TentacleConfigureCommand(GlobalOptions options) : base("configure", "Change the instance's listening address and port and the server thumbprints it trusts", options)
    {
        Options.Add(_port);
        Options.Add(_listenAddress);
        Options.Add(_trust);
        Options.Add(_removeTrust);
        Options.Add(_resetTrust);
        Options.Add(_noListen);
    }

    protected override Task<int> ExecuteAsync(CliContext context, TentacleInstances instances, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var config = LoadInstance(context, instances);
        var updated = config;
        if (result.GetValue(_port) is { } port)
        {
            if (port is < 1 or > IPEndPoint.MaxPort)
            {
                throw CliException.Usage($"--port must be between 1 and {IPEndPoint.MaxPort} (got {port}).");
            }

            updated = updated with { ListenPort = port };
        }

        if (result.GetValue(_listenAddress) is { } address)
        {
            if (!IPAddress.TryParse(address.Trim(), out var parsed))
            {
                throw CliException.Usage($"--listen-address must be an IP address such as 0.0.0.0, 127.0.0.1 or :: (got '{address}').");
            }

            updated = updated with { ListenAddress = parsed.ToString() };
        }

        if (result.GetResult(_noListen) is not null)
        {
            updated = updated with { NoListen = result.GetValue(_noListen) ?? true };
        }

        var add = Thumbprints(result.GetValue(_trust), "--trust");
        var remove = Thumbprints(result.GetValue(_removeTrust), "--remove-trust");
        var trusted = result.GetValue(_resetTrust) ? [] : updated.TrustedThumbprints.ToList();
        foreach (var thumbprint in remove)
        {
            if (trusted.Remove(thumbprint))
            {
                continue;
            }

            context.Error.WriteLine($"warning: {thumbprint} was not trusted; nothing to remove.");
        }

        trusted.AddRange(add.Where(t => !trusted.Contains(t)));
        updated = updated with { TrustedThumbprints = trusted };

        if (updated != config)
        {
            TentacleConfigFile.Save(updated);
            context.Error.WriteLine($"Updated tentacle instance {updated.Name}. Trust changes apply to the next connection; restart the agent for listening changes.");
        }

        var view = TentacleConfigurationView.Of(updated, TentacleInstanceCertificate.Thumbprint(updated));
        context.Render(view, TentacleCliJsonContext.Default.TentacleConfigurationView, TentacleConfigurationView.Write);
        return Task.FromResult(ExitCodes.Ok);
    }

    private static List<string> Thumbprints(string[]? values, string option)
    {
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            if (!SelfSignedCertificates.IsThumbprint(value))
            {
                throw CliException.Usage($"{option} '{value}' is not a certificate thumbprint: it must be 40 hexadecimal characters (as `octolite server show-thumbprint` prints it).");
            }

            list.Add(SelfSignedCertificates.Normalize(value));
        }

        return list;
    }
}
