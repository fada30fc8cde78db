using System.CommandLine;
using System.Security.Cryptography;
using OctoLite.Cli.Client;
using OctoLite.Domain;

namespace OctoLite.Cli.Tasks;

/// <summary>
/// Downloads one artifact to a file. The bytes go to a temporary file beside the target and are checked against the
/// artifact's length and SHA-256 before it is moved into place, so a failed download never leaves a partial file.
/// </summary>
internal sealed class TaskArtifactGetCommand : OctoCommand
{
    private readonly Argument<string> _task = TaskArgument.Create();
    private readonly Argument<string> _artifact = new("artifact") { Description = "The artifact's file name or id (see `task artifact list`)" };
    private readonly Option<string> _to = new("--to") { Description = "The file to write; when it is a folder, the artifact's file name in it", HelpName = "file", Required = true };
    private readonly Option<bool> _force = new("--force") { Description = "Overwrite the file if it exists" };

    public TaskArtifactGetCommand(GlobalOptions options) : base("get", "Download one of a task's artifacts to a file", options)
    {
        Arguments.Add(_task);
        Arguments.Add(_artifact);
        Options.Add(_to);
        Options.Add(_force);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var result = context.ParseResult;
        var taskId = result.GetValue(_task)!;
        var wanted = result.GetValue(_artifact)!;
        var force = result.GetValue(_force);
        var artifacts = await context.Client.GetAsync(TaskArgument.Path(taskId, "/artifacts"), CliJsonContext.Default.ListArtifact, cancellationToken);
        var artifact = ArtifactView.Find(artifacts, wanted) ?? throw CliException.Usage(artifacts.Count == 0
            ? $"Task {taskId} has no artifacts, so none is called '{wanted}'."
            : $"Task {taskId} has no artifact with id or name '{wanted}'; it has: {string.Join(", ", artifacts.Select(a => a.Filename))}.");

        var target = Target(result.GetValue(_to)!, artifact);
        if (File.Exists(target) && !force)
        {
            throw CliException.Usage($"--to: {target} already exists; pass --force to overwrite it.");
        }

        await DownloadAsync(context, artifact, target, force, cancellationToken);
        var saved = new SavedArtifact(target, artifact);
        context.Render(saved, CliJsonContext.Default.SavedArtifact, (w, s) => w.WriteLine($"Saved {s.Artifact.Filename} ({s.Artifact.Length} bytes) to {s.Path}"));
        return ExitCodes.Ok;
    }

    private static string Target(string to, Artifact artifact)
    {
        var path = Path.GetFullPath(to);
        if (!Directory.Exists(path))
        {
            return path;
        }

        // The name comes from a script: only its last segment is used, so it cannot point outside the folder.
        var name = Path.GetFileName(artifact.Filename);
        return Path.Combine(path, name is "" or "." or ".." ? artifact.Id : name);
    }

    private static async Task DownloadAsync(CliContext context, Artifact artifact, string target, bool force, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw CliException.Usage($"--to: the folder {folder} does not exist.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                await context.Client.DownloadAsync($"api/artifacts/{OctoLiteClient.Segment(artifact.Id)}/content", file, cancellationToken);
                file.Position = 0;
                var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
                if (file.Length != artifact.Length || !string.Equals(sha, artifact.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException(ExitCodes.Failed,
                        $"The download of {artifact.Filename} did not match the server's record ({artifact.Length} bytes, SHA-256 {artifact.Sha256}; got {file.Length} bytes, {sha}); {target} was not written.");
                }
            }

            File.Move(temporary, target, overwrite: force);
        }
        catch (HttpIOException e)
        {
            throw new CliException(ExitCodes.Failed, $"The download of {artifact.Filename} broke off: {e.Message}; {target} was not written.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"--to: cannot write {target}: {e.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
