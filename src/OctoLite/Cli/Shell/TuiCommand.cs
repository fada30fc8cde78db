using System.CommandLine;

namespace OctoLite.Cli.Shell;

internal sealed class TuiCommand : OctoCommand
{
    private readonly Option<bool> _readOnly = new("--readonly") { Description = "Look but do not touch: hide and refuse every action that changes the server" };
    private readonly Option<bool> _noColor = new("--no-color") { Description = "No colours (state is still shown by symbols and words); NO_COLOR does the same" };
    private readonly Option<string?> _screen = new("--screen") { Description = "The screen to open first, by its : name (dashboard, pools, workers, tasks, ...)", HelpName = "name" };

    public TuiCommand(GlobalOptions options) : base("tui", "Open the full-screen terminal UI on a running server (local socket, or --server URL --api-key KEY)", options)
    {
        Options.Add(_readOnly);
        Options.Add(_noColor);
        Options.Add(_screen);
    }

    protected override Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        return TuiLauncher.RunAsync(context, new TuiLaunch(StartServerIfNone: false, result.GetValue(_readOnly), result.GetValue(_noColor), result.GetValue(_screen)), cancellationToken);
    }
}

/// <summary>How the terminal UI was asked for: bare <c>octolite</c> starts a server if none runs; <c>tui</c> takes options.</summary>
internal sealed record TuiLaunch(bool StartServerIfNone, bool ReadOnly = false, bool NoColor = false, string? Screen = null);
