using OctoLite.Domain;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.Variables;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.Runner;

/// <summary>Runs a step for real in a fresh temp folder.</summary>
internal sealed class StepRun : IDisposable
{
    private readonly TempDirectory folder = new();

    public StepRun()
    {
        Output = new StepOutputRecorder();
    }

    /// <summary>A run whose sink creates the file <c>go-TEXT</c> in the working folder on each line <c>sync TEXT</c>.</summary>
    public StepRun(bool answerSyncLines)
    {
        Output = answerSyncLines
            ? new StepOutputRecorder { OnLine = text => { if (text.StartsWith("sync ", StringComparison.Ordinal)) File.Create(Path.Combine(Folder, "go-" + text[5..])).Dispose(); } }
            : new StepOutputRecorder();
    }

    public string Folder => folder.Path;

    public StepOutputRecorder Output { get; }

    public ScriptVariableSet Variables { get; } = new();

    public StepRunRequest Request(string script, ScriptSyntax syntax = ScriptSyntax.Bash) => new()
    {
        Syntax = syntax,
        Script = script,
        Variables = Variables,
        WorkingFolder = Folder,
        TerminationGrace = TimeSpan.FromMilliseconds(500),
    };

    public Task<StepRunResult> RunAsync(string script, ScriptSyntax syntax = ScriptSyntax.Bash, CancellationToken? cancellationToken = null) =>
        RunAsync(Request(script, syntax), cancellationToken);

    public async Task<StepRunResult> RunAsync(StepRunRequest request, CancellationToken? cancellationToken = null)
    {
        var result = await new StepRunner().RunAsync(request, Output, cancellationToken ?? TestTimeout.Token());
        Assert.False(Output.SawConcurrentCalls, "the runner called the sink concurrently");
        return result;
    }

    /// <summary>The files left in the working folder, relative to it.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFileSystemEntries(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f)).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => folder.Dispose();
}
