using System.Security.Cryptography;
using System.Text;
using OctoLite.Domain;
using OctoLite.Hosting;
using OctoLite.Scripting.Runner;
using OctoLite.Scripting.RunAs;

namespace OctoLite.Server.Tasks;

/// <summary>
/// The worker inside the server process: runs each step as a child process (via <see cref="StepRunner"/>) in its
/// own folder <c>&lt;data dir&gt;/work/&lt;taskId&gt;/&lt;stepId&gt;</c> (<c>&lt;stepId&gt;-&lt;targetId&gt;</c> when a step runs per target), under the server's account. Steps of different
/// tasks run side by side; nothing here is exclusive. The folder is deleted after the step unless configuration
/// keeps it.
/// </summary>
/// <remarks>
/// <para>
/// <c>builtInWorker.runAs</c> naming another account (the server must be root): the account is looked up again for
/// every step, so one deleted since fails the step naming the setting. The step's folder is then
/// <c><see cref="RunAsWorkRoot"/>/&lt;instance&gt;/&lt;taskId&gt;/&lt;stepId&gt;</c>, outside the data dir, which
/// stays 0700 (the account could not reach a folder inside it): the folders above the step's are root's, mode
/// 0711 (enterable, not listable), and the step's own is the account's, 0700. The runner hands the folder and its
/// files over and starts the script through <c>setpriv</c>; artifacts are reopened with the account's rights
/// before the server reads them (<see cref="AccountFileAccess"/>); the folder is removed with <c>rm -rf</c>
/// (<see cref="FolderRemoval"/>). With the setting empty or naming the server's account, none of this happens.
/// </para>
/// </remarks>
internal sealed class BuiltInWorker(DataPaths paths, StepRunner runner)
{
    public const string DisplayName = "built-in worker";

    /// <summary>Where the working folders of steps run as another account live, one folder per data dir beneath.</summary>
    public const string RunAsWorkRoot = "/var/lib/octolite-runas";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Traversable = OwnerOnly | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private long _scriptsStarted;

    /// <summary>Scripts this worker has started since the server started: steps that run inside the server start none.</summary>
    public long ScriptsStarted => Interlocked.Read(ref _scriptsStarted);

    /// <summary>
    /// This data dir's folder under <see cref="RunAsWorkRoot"/>: named by the first 16 hex digits of the SHA-256 of
    /// the data dir's full path, so that servers on different data dirs never share task folders.
    /// </summary>
    public static string RunAsWorkFolder(DataPaths paths) =>
        Path.Combine(RunAsWorkRoot, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(paths.Directory)))[..16]);

    public async Task<StepRunResult> RunAsync(
        ServerTask task, string folderName, StepRunRequest request, ServerConfiguration configuration, Func<StepArtifact, Task> collect, IStepOutput output, CancellationToken cancellationToken)
    {
        if (!configuration.BuiltInWorkerEnabled)
        {
            const string message = "The built-in worker is disabled (configuration builtInWorker.enabled is false), and this step runs on it. Enable it with `octolite config set builtInWorker.enabled true`.";
            return Refuse(output, message);
        }

        RunAsAccount? account = null;
        if (configuration.BuiltInWorkerRunAs.Length > 0)
        {
            (account, var problem) = ResolveRunAs(configuration.BuiltInWorkerRunAs);
            if (problem is not null)
            {
                return Refuse(output, problem);
            }
        }

        if (account is not null)
        {
            return await RunAsAccountAsync(task, folderName, request, account, configuration, collect, output, cancellationToken);
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

    private async Task<StepRunResult> RunAsAccountAsync(
        ServerTask task, string folderName, StepRunRequest request, RunAsAccount account, ServerConfiguration configuration, Func<StepArtifact, Task> collect, IStepOutput output,
        CancellationToken cancellationToken)
    {
        var taskFolder = Path.Combine(RunAsWorkFolder(paths), task.Id);
        var folder = Path.Combine(taskFolder, folderName);
        try
        {
            await PrepareRunAsFolderAsync(taskFolder, folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse(output, $"Could not prepare the working folder of a step run as {account.Name} (builtInWorker.runAs): {e.Message}");
        }

        Interlocked.Increment(ref _scriptsStarted);
        try
        {
            output.Line(TaskLogLevel.Verbose, $"Running on the {DisplayName} as {account.Name} (builtInWorker.runAs) in {folder}");
            var result = await runner.RunAsync(request with { WorkingFolder = folder, RunAs = account }, output, cancellationToken);
            foreach (var artifact in result.Artifacts)
            {
                // Read through a descriptor opened with the account's rights: what the script names cannot be
                // swapped for a file only the server may read between the runner's check and this copy.
                using var file = AccountFileAccess.OpenForReading(artifact.Path, account);
                if (!file.IsReadable)
                {
                    output.Line(TaskLogLevel.Warning, $"Artifact '{artifact.Name}' was not collected: {artifact.Path} is no longer a file that {account.Name} can read ({file.Refusal}).");
                    continue;
                }

                await collect(artifact with { Path = file.ReadablePath, Length = file.Length });
            }

            return result;
        }
        finally
        {
            if (!configuration.BuiltInWorkerKeepWorkingFolders)
            {
                await RemoveRunAsFolderAsync(folder, taskFolder, output);
            }
        }
    }

    /// <summary>The account to run steps as, or null for the server's own; or why steps cannot run.</summary>
    private static (RunAsAccount? Account, string? Problem) ResolveRunAs(string name)
    {
        const string clear = "`octolite config set builtInWorker.runAs \"\"`";
        RunAsAccount? account;
        try
        {
            account = RunAsAccount.Find(name);
        }
        catch (IOException e)
        {
            return (null, $"builtInWorker.runAs is '{name}', and that user could not be looked up: {e.Message}");
        }

        if (account is null)
        {
            return (null, $"builtInWorker.runAs is '{name}', and there is no user '{name}' on this machine (deleted since it was set?). Create the user again, or run steps as the server's account with {clear}.");
        }

        if (account.IsServerAccount)
        {
            return (null, null);
        }

        return RunAsAccount.ServerIsRoot
            ? (account, null)
            : (null, $"builtInWorker.runAs is '{name}', and the server runs as '{Environment.UserName}', which cannot start processes as another account. Run the server as root, or clear the setting with {clear}.");
    }

    // The folders above the step's are root's and 0711, so the account can enter its own folder and list nothing.
    // The step's folder is made 0700 and root's: the runner gives it to the account once its files are written.
    private async Task PrepareRunAsFolderAsync(string taskFolder, string folder)
    {
        Ownership.EnsureServerFolder(RunAsWorkRoot, Traversable);
        Ownership.EnsureServerFolder(RunAsWorkFolder(paths), Traversable);
        for (var attempt = 1; ; attempt++)
        {
            Ownership.EnsureServerFolder(taskFolder, Traversable);
            if (FileStatus.OfPath(folder) is not null)
            {
                await FolderRemoval.RemoveAsync(folder, CancellationToken.None); // left by a run the server did not finish
            }

            // False when a parallel step of the task removed the (then empty) task folder meanwhile: make it again.
            if (Ownership.TryCreateFolder(folder, OwnerOnly))
            {
                return;
            }

            if (attempt == 3)
            {
                throw new IOException($"{taskFolder} kept disappearing.");
            }
        }
    }

    private static async Task RemoveRunAsFolderAsync(string folder, string taskFolder, IStepOutput output)
    {
        try
        {
            await FolderRemoval.RemoveAsync(folder, CancellationToken.None);
            Ownership.RemoveIfEmpty(taskFolder);
        }
        catch (IOException e)
        {
            output.Line(TaskLogLevel.Warning, $"Could not remove the working folder {folder}: {e.Message}");
        }
    }

    private static StepRunResult Refuse(IStepOutput output, string message)
    {
        output.Line(TaskLogLevel.Error, message);
        return new StepRunResult(StepOutcome.Failed, null, message, []);
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
