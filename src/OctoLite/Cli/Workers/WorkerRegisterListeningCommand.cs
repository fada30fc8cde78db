using System.CommandLine;
using System.Text.Json.Nodes;
using OctoLite.Cli.Client;
using OctoLite.Domain;
using OctoLite.Server.Api;

namespace OctoLite.Cli.Workers;

/// <summary>
/// <c>octolite worker register-listening</c>: the server side of adding a listening tentacle (Octopus's "add a
/// listening Tentacle" from the portal). Creates a TentaclePassive worker pinned to the tentacle's thumbprint, then
/// has the server call it once. A tentacle that cannot be reached yet is reported, and the registration stands.
/// </summary>
internal sealed class WorkerRegisterListeningCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "Name of the new worker", HelpName = "name", Required = true };
    private readonly Option<string> _uri = new("--uri") { Description = "The tentacle's address, https://host:10933/", HelpName = "uri", Required = true };
    private readonly Option<string> _thumbprint = new("--thumbprint")
    {
        Description = "The tentacle certificate's thumbprint, 40 hex characters (`octolite tentacle show-thumbprint` on the tentacle)",
        HelpName = "hex",
        Required = true,
    };

    private readonly Option<string[]> _pools = new("--pool")
    {
        Description = "Pool (name or id) the worker joins; repeat or separate with commas for several",
        Required = true,
        HelpName = "pool",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _policy = new("--policy") { Description = "Machine policy (name or id) (default: the default policy)", HelpName = "policy" };
    private readonly Option<bool> _noCheck = new("--no-check") { Description = "Do not call the tentacle after registering it" };

    public WorkerRegisterListeningCommand(GlobalOptions options)
        : base("register-listening", "Register a listening tentacle (TentaclePassive) by address and thumbprint, then check the server can reach it", options)
    {
        Options.Add(_name);
        Options.Add(_uri);
        Options.Add(_thumbprint);
        Options.Add(_pools);
        Options.Add(_policy);
        Options.Add(_noCheck);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var endpoint = new JsonObject
        {
            ["CommunicationStyle"] = nameof(CommunicationStyle.TentaclePassive),
            ["Uri"] = result.GetValue(_uri),
            ["Thumbprint"] = result.GetValue(_thumbprint),
        };
        var body = new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("WorkerPoolIds", WorkerCreateCommand.SplitList(result.GetValue(_pools)))
            .Set("MachinePolicyId", result.GetValue(_policy))
            .Set("Endpoint", endpoint);
        var worker = await context.Client.PostAsync("api/workers", body.Body, CliJsonContext.Default.Worker, cancellationToken);
        WorkerConnection? connection = null;
        if (!result.GetValue(_noCheck))
        {
            connection = await context.Client.GetAsync($"api/workers/{OctoLiteClient.Segment(worker.Id)}/connection", CliJsonContext.Default.WorkerConnection, cancellationToken);
        }

        if (context.Format == Output.OutputFormat.Json)
        {
            context.Render(new ListeningWorkerRegistration(worker, connection), CliJsonContext.Default.ListeningWorkerRegistration, (_, _) => { });
        }
        else
        {
            WorkerView.One(context.Out, worker, await PoolNames.LoadAsync(context, cancellationToken));
            context.Out.WriteLine(connection switch
            {
                null => "Connection: not checked (--no-check)",
                { Reachable: true } => $"Connection: ok, {connection.Message}",
                _ => $"Connection: FAILED, {connection.Message}",
            });
        }

        if (connection is { Reachable: false })
        {
            context.Error.WriteLine($"warning: worker '{worker.Name}' is registered, but the server could not use the tentacle: {connection.Message}. Steps placed on it fail until it can.");
        }

        return ExitCodes.Ok;
    }
}
