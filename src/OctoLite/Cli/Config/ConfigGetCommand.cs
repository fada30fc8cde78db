using System.CommandLine;
using System.Text.Json;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Config;

internal sealed class ConfigGetCommand : OctoCommand
{
    private readonly Argument<string?> _key = new("key") { Description = "One key to show; all when left out", Arity = ArgumentArity.ZeroOrOne };

    public ConfigGetCommand(GlobalOptions options) : base("get", "Show server configuration", options) => Arguments.Add(_key);

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var key = context.ParseResult.GetValue(_key) is { } name ? ConfigKey.Find(name) : null;
        var configuration = await context.Client.GetAsync("api/configuration", CliJsonContext.Default.ServerConfiguration, cancellationToken);
        if (key is null)
        {
            context.Render(configuration, CliJsonContext.Default.ServerConfiguration, ConfigView.All);
        }
        else if (context.Format == Output.OutputFormat.Json)
        {
            var node = JsonSerializer.SerializeToNode(configuration, CliJsonContext.Default.ServerConfiguration)!;
            context.Out.WriteLine(new System.Text.Json.Nodes.JsonObject { [key.Name] = node[key.ShownField ?? key.Field]?.DeepClone() }.ToJsonString());
        }
        else
        {
            context.Out.WriteLine(key.Show(configuration));
        }

        return ExitCodes.Ok;
    }
}
