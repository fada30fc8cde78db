using System.CommandLine;
using System.Text.Json.Serialization.Metadata;

namespace OctoLite.Cli.Projects;

/// <summary>
/// <c>show</c> and <c>delete</c> for resources named uniquely within a project only (runbooks, releases): the
/// resource by id, or by name or version with <c>--project</c>.
/// </summary>
internal sealed class ProjectScopedCommand<T> : OctoCommand
{
    private readonly Argument<string> _resource;
    private readonly Option<string?> _project;
    private readonly Func<string, string?, string> _path;
    private readonly bool _delete;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly Action<TextWriter, T> _view;

    /// <param name="path">The API path of one resource from the argument and the project.</param>
    /// <param name="delete">DELETE the resource instead of GETting it.</param>
    public ProjectScopedCommand(
        GlobalOptions options, string name, string description, Argument<string> resource, string projectDescription,
        Func<string, string?, string> path, bool delete, JsonTypeInfo<T> typeInfo, Action<TextWriter, T> view)
        : base(name, description, options)
    {
        _resource = resource;
        _project = ProjectOption.Optional(projectDescription);
        _path = path;
        _delete = delete;
        _typeInfo = typeInfo;
        _view = view;
        Arguments.Add(_resource);
        Options.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var path = _path(result.GetValue(_resource)!, result.GetValue(_project));
        var value = _delete
            ? await context.Client.DeleteAsync(path, _typeInfo, cancellationToken)
            : await context.Client.GetAsync(path, _typeInfo, cancellationToken);
        context.Render(value, _typeInfo, _view);
        return ExitCodes.Ok;
    }
}
