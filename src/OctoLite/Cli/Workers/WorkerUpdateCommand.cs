using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Workers;

internal sealed class WorkerUpdateCommand : OctoCommand
{
    private readonly Argument<string> _worker = WorkerArgument.Create();
    private readonly Option<string?> _name = new("--name") { Description = "New name", HelpName = "name" };
    private readonly Option<string[]> _pools = new("--pool")
    {
        Description = "Replace the worker's pools with these (names or ids; repeat or separate with commas)",
        HelpName = "pool",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _policy = new("--policy") { Description = "New machine policy (name or id)", HelpName = "policy" };
    private readonly Option<int?> _maxLeases = MaxLeasesOption.Create("the worker");
    private readonly EndpointOptions _endpoint = new();

    public WorkerUpdateCommand(GlobalOptions options) : base("update", "Change a worker's name, pools, policy, lease cap or endpoint", options)
    {
        Arguments.Add(_worker);
        Options.Add(_name);
        Options.Add(_pools);
        Options.Add(_policy);
        Options.Add(_maxLeases);
        foreach (var option in _endpoint.All)
        {
            Options.Add(option);
        }
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var path = $"api/workers/{OctoLiteClient.Segment(result.GetValue(_worker)!)}";
        var patch = new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("WorkerPoolIds", WorkerCreateCommand.SplitList(result.GetValue(_pools)))
            .Set("MachinePolicyId", result.GetValue(_policy));
        MaxLeasesOption.Apply(patch, result.GetValue(_maxLeases));
        if (_endpoint.ToJson(result) is { } endpointChanges)
        {
            // The endpoint is replaced as a whole on the server, so start from the current one.
            var current = await context.Client.GetAsync(path, CliJsonContext.Default.Worker, cancellationToken);
            var endpoint = System.Text.Json.JsonSerializer.SerializeToNode(current.Endpoint, CliJsonContext.Default.WorkerEndpoint)!.AsObject();
            foreach (var (key, value) in endpointChanges)
            {
                endpoint[key] = value?.DeepClone();
            }

            patch.Set("Endpoint", endpoint);
        }

        if (patch.IsEmpty)
        {
            throw CliException.Usage("Nothing to change: give --name, --pool, --policy, --max-concurrent-leases or an endpoint option.");
        }

        var worker = await context.Client.PutAsync(path, patch.Body, CliJsonContext.Default.Worker, cancellationToken);
        await WorkerOutput.WriteAsync(context, worker, cancellationToken);
        return ExitCodes.Ok;
    }
}
