using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OctoLite.Cli;
using OctoLite.Cli.Client;
using OctoLite.Domain;
using OctoLite.Server.Api;
using OctoLite.Server.Tasks;

namespace OctoLite.Tui.Data;

/// <summary>Tasks: the list, one task, its log read page by page after a sequence number, its artifacts, and acting on it.</summary>
internal sealed partial class TuiApi
{
    /// <summary>The newest <paramref name="take"/> tasks (newest first), only those in <paramref name="state"/> when given ("Active", "Failed"…).</summary>
    public Task<ResourceCollection<ServerTask>> TasksAsync(string? state, int take, CancellationToken ct) =>
        client.GetAsync($"api/tasks?take={TaskNumber(take)}" + (string.IsNullOrEmpty(state) ? "" : $"&state={Uri.EscapeDataString(state)}"), Json.ResourceCollectionServerTask, ct);

    /// <summary>Every project's name by id, to show names where tasks only carry ids.</summary>
    public async Task<Dictionary<string, string>> ProjectNamesAsync(CancellationToken ct)
    {
        var projects = await client.GetAsync("api/projects/all", Json.ListProject, ct);
        return projects.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
    }

    public Task<ServerTask> TaskAsync(string id, CancellationToken ct) => client.GetAsync(TaskPath(id), Json.ServerTask, ct);

    public Task<TaskWhy> TaskWhyAsync(string id, CancellationToken ct) => client.GetAsync(TaskPath(id, "/why"), Json.TaskWhy, ct);

    /// <summary>At most <paramref name="take"/> log lines after sequence number <paramref name="after"/>.</summary>
    public Task<TaskLogPage> TaskLogAsync(string id, long after, int take, CancellationToken ct) =>
        client.GetAsync($"{TaskPath(id, "/log")}?after={TaskNumber(after)}&take={TaskNumber(take)}", Json.TaskLogPage, ct);

    /// <summary>
    /// The task's log lines after <paramref name="after"/> as the server writes them (its server-sent-events tail), until
    /// the task has ended and every line is out, or the stream closes.
    /// </summary>
    public async IAsyncEnumerable<TaskLogLine> TailLogAsync(string id, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in client.StreamEventsAsync($"{TaskPath(id, "/log/stream")}?after={TaskNumber(after)}", ct))
        {
            if (item.EventType == "end")
                yield break;
            if (item.EventType == "line" && JsonSerializer.Deserialize(item.Data, Json.TaskLogLine) is { } line)
                yield return line;
        }
    }

    public Task<ServerTask> CancelTaskAsync(string id, CancellationToken ct) => client.PostAsync(TaskPath(id, "/cancel"), [], Json.ServerTask, ct);

    /// <summary>Proceeds past (or, with <paramref name="proceed"/> false, aborts at) the manual intervention the task awaits.</summary>
    public Task<Interruption> ResolveInterventionAsync(string id, bool proceed, string? note, string? interruptionId, CancellationToken ct) =>
        client.PostAsync(TaskPath(id, proceed ? "/approve" : "/abort"), new JsonPatch().Set("Note", note).Set("InterruptionId", interruptionId).Body, Json.Interruption, ct);

    /// <summary>Queues the same work as <paramref name="task"/> again: the runbook in the same environment, or the release to the same environment.</summary>
    public Task<ServerTask> RunAgainAsync(ServerTask task, CancellationToken ct)
    {
        var timeout = task.Timeout?.ToString("c", CultureInfo.InvariantCulture);
        var environment = task.EnvironmentId.Length > 0 ? task.EnvironmentId : null;
        return task.Kind switch
        {
            TaskKind.RunbookRun => client.PostAsync($"api/runbooks/{OctoLiteClient.Segment(task.RunbookId)}/run",
                new JsonPatch().Set("EnvironmentId", environment).Set("Timeout", timeout).Body, Json.ServerTask, ct),
            TaskKind.Deploy => client.PostAsync("api/deployments",
                new JsonPatch().Set("ProjectId", task.ProjectId).Set("ReleaseId", task.ReleaseId).Set("EnvironmentId", environment)
                    .Set("SkipActions", task.SkippedStepIds).Set("Timeout", timeout).Body, Json.ServerTask, ct),
            _ => throw new CliException(ExitCodes.Usage, $"{task.Id} is a {task.Kind} task: only runbook runs and deployments can be run again."),
        };
    }

    /// <summary>
    /// Downloads an artifact to <paramref name="target"/>: into a temporary file beside it, checked against the artifact's
    /// length and SHA-256, then moved into place, so a failed download never leaves a partial file.
    /// </summary>
    public async Task SaveArtifactAsync(Artifact artifact, string target, bool overwrite, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(target) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                await client.DownloadAsync($"api/artifacts/{OctoLiteClient.Segment(artifact.Id)}/content", file, ct);
                file.Position = 0;
                var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
                if (file.Length != artifact.Length || !string.Equals(sha, artifact.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException(ExitCodes.Failed,
                        $"The download of {artifact.Filename} did not match the server's record ({artifact.Length} bytes; got {file.Length}); {target} was not written.");
                }
            }

            File.Move(temporary, target, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string TaskPath(string id, string under = "") => $"api/tasks/{OctoLiteClient.Segment(id)}{under}";

    private static string TaskNumber(long value) => value.ToString(CultureInfo.InvariantCulture);
}
