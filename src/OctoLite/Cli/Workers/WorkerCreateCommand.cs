using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Workers;

internal sealed class WorkerCreateCommand : OctoCommand
{
    private readonly Option<string> _name = new("--name") { Description = "Name of the new worker", HelpName = "name", Required = true };
    private readonly Option<string[]> _pools = new("--pool")
    {
        Description = "Pool (name or id) the worker joins; repeat or separate with commas for several",
        Required = true,
        HelpName = "pool",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _policy = new("--policy") { Description = "Machine policy (name or id) (default: the default policy)", HelpName = "policy" };
    private readonly EndpointOptions _endpoint = new();

    public WorkerCreateCommand(GlobalOptions options) : base("create", "Register a worker by its endpoint", options)
    {
        Options.Add(_name);
        Options.Add(_pools);
        Options.Add(_policy);
        foreach (var option in _endpoint.All)
        {
            Options.Add(option);
        }

        _endpoint.Kind.Required = true;
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var body = new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("WorkerPoolIds", SplitList(result.GetValue(_pools)))
            .Set("MachinePolicyId", result.GetValue(_policy))
            .Set("Endpoint", _endpoint.ToJson(result));
        var worker = await context.Client.PostAsync("api/workers", body.Body, CliJsonContext.Default.Worker, cancellationToken);
        await WorkerOutput.WriteAsync(context, worker, cancellationToken);
        return ExitCodes.Ok;
    }

    public static IReadOnlyList<string>? SplitList(string[]? values) =>
        values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
