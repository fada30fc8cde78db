using OctoLite.Domain;
using OctoLite.Hosting;
using OctoLite.Scripting.Runner;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The worker inside the server process: runs each step as a child process (via <see cref="StepRunner"/>) in its
/// own folder <c>&lt;data dir&gt;/work/&lt;taskId&gt;/&lt;stepId&gt;</c> (<c>&lt;stepId&gt;-&lt;targetId&gt;</c> when a step runs per target), under the server's account. Steps of different
/// tasks run side by side; nothing here is exclusive. The folder is deleted after the step unless configuration
/// keeps it.
/// </summary>
/// <remarks>
/// Running steps as another account (<c>builtInWorker.runAs</c>) plugs in through
/// <see cref="StepRunRequest.WrapCommand"/> and handing the folder over to that account; the scheduling issue
/// implements it. Until then a step is refused when the setting names an account other than the server's.
/// </remarks>
internal sealed class BuiltInWorker(DataPaths paths, StepRunner runner)
{
    public const string DisplayName = "built-in worker";
    private long _scriptsStarted;

    /// <summary>Scripts this worker has started since the server started: steps that run inside the server start none.</summary>
    public long ScriptsStarted => Interlocked.Read(ref _scriptsStarted);
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public async Task<StepRunResult> RunAsync(
        ServerTask task, string folderName, StepRunRequest request, ServerConfiguration configuration, Func<StepArtifact, Task> collect, IStepOutput output, CancellationToken cancellationToken)
    {
        if (!configuration.BuiltInWorkerEnabled)
        {
            const string message = "The built-in worker is disabled (configuration builtInWorker.enabled is false), and this step runs on it. Enable it with `octolite config set builtInWorker.enabled true`.";
            output.Line(TaskLogLevel.Error, message);
            return new StepRunResult(StepOutcome.Failed, null, message, []);
        }

        if (configuration.BuiltInWorkerRunAs.Length > 0 && configuration.BuiltInWorkerRunAs != Environment.UserName)
        {
            var message = $"builtInWorker.runAs is '{configuration.BuiltInWorkerRunAs}', and running steps as another account is not available in this version; clear it with `octolite config set builtInWorker.runAs \"\"`.";
            output.Line(TaskLogLevel.Error, message);
            return new StepRunResult(StepOutcome.Failed, null, message, []);
        }

        var taskFolder = Path.Combine(paths.WorkFolder, task.Id);
        var folder = Path.Combine(taskFolder, folderName);
        Directory.CreateDirectory(paths.WorkFolder, OwnerOnly);
        Directory.CreateDirectory(taskFolder, OwnerOnly);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true); // left by a run the server did not finish
        }

        Directory.CreateDirectory(folder, OwnerOnly);
        Interlocked.Increment(ref _scriptsStarted);
        try
        {
            output.Line(TaskLogLevel.Verbose, $"Running on the {DisplayName} as {Environment.UserName} in {folder}");
            var result = await runner.RunAsync(request with { WorkingFolder = folder }, output, cancellationToken);
            foreach (var artifact in result.Artifacts)
            {
                await collect(artifact);
            }

            return result;
        }
        finally
        {
            if (!configuration.BuiltInWorkerKeepWorkingFolders)
            {
                Remove(folder, taskFolder, output);
            }
        }
    }

    private static void Remove(string folder, string taskFolder, IStepOutput output)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            if (!Directory.EnumerateFileSystemEntries(taskFolder).Any())
            {
                Directory.Delete(taskFolder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The script may have left files it made unremovable (chmod 000): the step's result stands.
            output.Line(TaskLogLevel.Warning, $"Could not remove the working folder {folder}: {e.Message}");
        }
    }
}
