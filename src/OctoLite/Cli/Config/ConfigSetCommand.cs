using System.CommandLine;
using OctoLite.Cli.Client;

namespace OctoLite.Cli.Config;

internal sealed class ConfigSetCommand : OctoCommand
{
    private readonly Argument<string> _key = new("key") { Description = $"One of: {string.Join(", ", ConfigKey.All.Select(k => k.Name))}" };
    private readonly Argument<string> _value = new("value") { Description = "The new value" };

    public ConfigSetCommand(GlobalOptions options) : base("set", "Change one server configuration value", options)
    {
        Arguments.Add(_key);
        Arguments.Add(_value);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var key = ConfigKey.Find(context.ParseResult.GetValue(_key)!);
        var body = new System.Text.Json.Nodes.JsonObject { [key.Field] = key.Parse(context.ParseResult.GetValue(_value)!) };
        var configuration = await context.Client.PutAsync("api/configuration", body, CliJsonContext.Default.ServerConfiguration, cancellationToken);
        context.Render(configuration, CliJsonContext.Default.ServerConfiguration, (w, c) => w.WriteLine($"{key.Name} = {key.Show(c)}"));
        return ExitCodes.Ok;
    }
}
