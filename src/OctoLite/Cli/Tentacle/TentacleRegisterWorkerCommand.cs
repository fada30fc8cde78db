using System.CommandLine;
using OctoLite.Cli.Client;
using OctoLite.Cli.Workers;
using OctoLite.Domain;
using OctoLite.Hosting;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// <c>octolite tentacle register-worker</c>, Octopus Tentacle's verb of the same name: from the worker machine, adds
/// this instance to a server as a worker (listening or polling), pins the server's certificate thumbprint, and records
/// the server in the instance. Everything local is checked first, the instance is saved only after the server has
/// accepted the worker, and an existing worker for this tentacle (same thumbprint or name) is updated only with --force.
/// The server and key are the global <c>--server</c>/<c>--api-key</c>.
/// </summary>
internal sealed class TentacleRegisterWorkerCommand : TentacleCommand
{
    private readonly Option<string?> _name = new("--name") { Description = "Name of the worker on the server (default: this machine's name)", HelpName = "name" };
    private readonly Option<string[]> _pools = new("--workerpool")
    {
        Description = "Worker pool (name or id) to join; repeat or separate with commas for several",
        HelpName = "pool",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string> _commsStyle = new("--comms-style")
    {
        Description = "TentaclePassive: the server calls this tentacle (listening); TentacleActive: this tentacle polls the server",
        HelpName = "style",
        Required = true,
    };

    private readonly Option<string?> _publicHostname = new("--public-hostname") { Description = "TentaclePassive: the host name or address the server calls this machine at (default: this machine's name)", HelpName = "host" };
    private readonly Option<int?> _tentacleCommsPort = new("--tentacle-comms-port") { Description = "TentaclePassive: the port the server calls (default: the instance's listening port)", HelpName = "port" };
    private readonly Option<int?> _serverCommsPort = new("--server-comms-port") { Description = "TentacleActive: the server's polling port (default: the one the server reports)", HelpName = "port" };
    private readonly Option<string?> _policy = new("--policy") { Description = "Machine policy (name or id) (default: the server's default policy; kept on --force)", HelpName = "policy" };
    private readonly Option<bool> _force = new("--force") { Description = "Update the existing worker with this tentacle's thumbprint or this name instead of refusing" };

    public TentacleRegisterWorkerCommand(GlobalOptions options)
        : base("register-worker", "Register this tentacle instance with a server (--server URL --api-key KEY) as a worker in the given pools, and trust that server", options)
    {
        Options.Add(_name);
        Options.Add(_pools);
        Options.Add(_commsStyle);
        Options.Add(_publicHostname);
        Options.Add(_tentacleCommsPort);
        Options.Add(_serverCommsPort);
        Options.Add(_policy);
        Options.Add(_force);
    }

    // The instance is loaded before the async part starts: the base class turns a missing or unreadable instance into
    // a usage error only when that is thrown synchronously.
    protected override Task<int> ExecuteAsync(CliContext context, TentacleInstances instances, CancellationToken cancellationToken) =>
        RegisterAsync(context, LoadInstance(context, instances), cancellationToken);

    private async Task<int> RegisterAsync(CliContext context, TentacleInstanceConfig config, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var style = TentacleRegistrationEndpoint.ParseStyle(result.GetValue(_commsStyle)!);
        var name = (result.GetValue(_name) ?? Environment.MachineName).Trim();
        var pools = WorkerCreateCommand.SplitList(result.GetValue(_pools)) ?? [];
        if (name.Length == 0 || pools.Count == 0)
        {
            throw CliException.Usage(name.Length == 0 ? "--name must not be empty." : "--workerpool needs at least one pool name or id.");
        }

        var serverCommsPort = result.GetValue(_serverCommsPort) is { } p ? TentacleRegistrationEndpoint.CheckPort(p, "--server-comms-port") : (int?)null;
        var listeningUri = style == CommunicationStyle.TentaclePassive
            ? TentacleRegistrationEndpoint.ListeningUri(result.GetValue(_publicHostname), result.GetValue(_tentacleCommsPort), config)
            : null;
        WarnIgnored(context, style);
        var client = TentacleRegistrationServer.Connect(context, Globals, Name);
        var serverUrl = client.Address.Url!;
        var thumbprint = TentacleInstanceCertificate.Thumbprint(config);

        var status = await client.GetAsync("api/serverstatus", CliJsonContext.Default.ServerStatus, cancellationToken);
        if (!SelfSignedCertificates.IsThumbprint(status.Thumbprint))
        {
            throw new CliException(ExitCodes.Failed,
                $"The server at {serverUrl} did not report its certificate thumbprint (is it an older OctoLite?); nothing was registered. Upgrade the server, or use `octolite worker register-listening` there.");
        }

        var serverThumbprint = SelfSignedCertificates.Normalize(status.Thumbprint);
        var updated = config with
        {
            TrustedThumbprints = config.TrustedThumbprints.Contains(serverThumbprint) ? config.TrustedThumbprints : [.. config.TrustedThumbprints, serverThumbprint],
            ServerUrl = serverUrl.ToString(),
            CommsStyle = style.ToString(),
        };
        string uri;
        if (style == CommunicationStyle.TentacleActive)
        {
            // An existing subscription is kept, so re-registering leaves the server's queue for this tentacle where it is.
            var subscription = config.SubscriptionId.Length > 0 ? config.SubscriptionId : TentacleRegistrationEndpoint.NewSubscriptionId();
            uri = $"poll://{subscription}/";
            updated = updated with
            {
                NoListen = true,
                SubscriptionId = subscription,
                ServerCommsAddress = TentacleRegistrationEndpoint.PollingAddress(serverUrl, serverCommsPort, status.PollingPort),
            };
        }
        else
        {
            uri = listeningUri!;
            updated = updated with { NoListen = false, SubscriptionId = "", ServerCommsAddress = "" };
        }

        var body = new JsonPatch()
            .Set("Name", name)
            .Set("WorkerPoolIds", pools)
            .Set("MachinePolicyId", result.GetValue(_policy))
            .Set("Endpoint", TentacleRegistrationEndpoint.Json(style, uri, thumbprint))
            .Body;
        var existing = await ExistingAsync(client, thumbprint, name, result.GetValue(_force), serverUrl, cancellationToken);
        var worker = existing is null
            ? await client.PostAsync("api/workers", body, CliJsonContext.Default.Worker, cancellationToken)
            : await client.PutAsync($"api/workers/{OctoLiteClient.Segment(existing.Id)}", body, CliJsonContext.Default.Worker, cancellationToken);

        var done = $"Worker '{worker.Name}' ({worker.Id}) was {(existing is null ? "registered" : "updated")} on {serverUrl}";
        TentacleRegistrationServer.Save(updated, done);
        await WorkerOutput.WriteAsync(context, worker, cancellationToken);
        context.Error.WriteLine(style == CommunicationStyle.TentaclePassive
            ? $"{done}: the server calls tentacle instance {updated.Name} at {uri}."
            : $"{done}: tentacle instance {updated.Name} polls the server at {updated.ServerCommsAddress} as {uri}.");
        context.Error.WriteLine($"The instance trusts the server's certificate {serverThumbprint}. Restart its agent (`octolite tentacle run`) if it is running.");
        return ExitCodes.Ok;
    }

    /// <summary>The worker to update (null: create one); refuses when one exists without --force, or several match.</summary>
    private static async Task<Worker?> ExistingAsync(OctoLiteClient client, string thumbprint, string name, bool force, Uri server, CancellationToken cancellationToken)
    {
        var matches = (await TentacleRegistrationServer.ListWorkersAsync(client, cancellationToken))
            .Where(w => TentacleRegistrationServer.IsThisTentacle(w, thumbprint) || string.Equals(w.Name.Trim(), name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var described = string.Join(" and ", matches.Select(w => TentacleRegistrationServer.IsThisTentacle(w, thumbprint)
            ? $"worker '{w.Name}' ({w.Id}) has this tentacle's thumbprint {thumbprint}"
            : $"worker '{w.Name}' ({w.Id}) has the name '{name}'"));
        return matches.Count switch
        {
            0 => null,
            _ when !force => throw CliException.Usage(
                $"This tentacle is already registered on {server}: {described}. Pass --force to update it with this registration (or remove it first with `octolite tentacle deregister-worker`, or choose another --name)."),
            1 => matches[0],
            _ => throw CliException.Usage(
                $"--force updates one worker, but several on {server} match: {described}. Delete the one no longer wanted with `octolite worker delete`, then register again."),
        };
    }

    private void WarnIgnored(CliContext context, CommunicationStyle style)
    {
        var result = context.ParseResult;
        var ignored = style == CommunicationStyle.TentaclePassive
            ? new Option[] { _serverCommsPort }
            : [_publicHostname, _tentacleCommsPort];
        foreach (var option in ignored.Where(o => result.GetResult(o) is not null))
        {
            context.Error.WriteLine($"warning: {option.Name} does not apply to {style} and is ignored.");
        }
    }
}
