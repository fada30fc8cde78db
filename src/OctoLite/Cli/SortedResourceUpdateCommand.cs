using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using OctoLite.Cli.Client;

namespace OctoLite.Cli;

/// <summary>
/// <c>update</c> for the resources that are only a name, a description and a place in a sorted list (worker pools,
/// environments): sends just the options given, refuses a call that changes nothing.
/// </summary>
internal sealed class SortedResourceUpdateCommand<T> : OctoCommand
{
    private readonly Argument<string> _resource;
    private readonly Option<string?> _name = new("--name") { Description = "New name", HelpName = "name" };
    private readonly Option<string?> _description = new("--description") { Description = "New description", HelpName = "text" };
    private readonly Option<int?> _sortOrder;
    private readonly string _path;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly Action<TextWriter, T> _view;

    /// <param name="path">The API collection, e.g. "api/workerpools".</param>
    public SortedResourceUpdateCommand(
        GlobalOptions options, string description, Argument<string> resource, string sortOrderDescription, string path, JsonTypeInfo<T> typeInfo, Action<TextWriter, T> view)
        : base("update", description, options)
    {
        _resource = resource;
        _sortOrder = new("--sort-order") { Description = sortOrderDescription, HelpName = "n" };
        _path = path;
        _typeInfo = typeInfo;
        _view = view;
        Arguments.Add(_resource);
        Options.Add(_name);
        Options.Add(_description);
        Options.Add(_sortOrder);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var patch = new JsonPatch()
            .Set("Name", result.GetValue(_name))
            .Set("Description", result.GetValue(_description))
            .Set("SortOrder", result.GetValue(_sortOrder));
        if (patch.IsEmpty)
        {
            throw CliException.Usage("Nothing to change: give --name, --description or --sort-order.");
        }

        var updated = await context.Client.PutAsync($"{_path}/{OctoLiteClient.Segment(result.GetValue(_resource)!)}", patch.Body, _typeInfo, cancellationToken);
        context.Render(updated, _typeInfo, _view);
        return ExitCodes.Ok;
    }
}
