using System.Security.Cryptography;
using OctoLite.Domain;
using OctoLite.Storage;

namespace OctoLite.Server.Tasks;

/// <summary>
/// Copies files steps asked to keep into the store, beside their task, and reads them back. Content goes in
/// chunks (one store write per chunk, so a large file never makes one huge transaction); the artifact is
/// listed on its task only once all its bytes are stored.
/// </summary>
internal sealed class ArtifactCollector(OctoStore store, TimeProvider time)
{
    /// <summary>Files larger than this are not collected (the step log says so): 256 MiB.</summary>
    public const long MaxLength = 256L * 1024 * 1024;

    /// <summary>
    /// Stores the file at <paramref name="path"/> as an artifact of <paramref name="task"/>, named uniquely among the
    /// task's artifacts. The caller adds it to the task's list.
    /// </summary>
    public Artifact Collect(ServerTask task, string stepName, string path, string name)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        if (file.Length > MaxLength)
        {
            throw new IOException($"'{name}' is {file.Length} bytes; artifacts are limited to {MaxLength} bytes.");
        }

        var id = store.Write(s => s.NextId("Artifacts"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ArtifactContents.ChunkBytes];
        long length = 0;
        for (var index = 0; ; index++)
        {
            var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read == 0 && index > 0)
            {
                break;
            }

            var chunk = buffer.AsSpan(0, read);
            hash.AppendData(chunk);
            var data = chunk.ToArray();
            var chunkIndex = index;
            store.Write(s =>
            {
                s.ArtifactContent.Put(id, chunkIndex, data);
                return true;
            });
            length += read;
            if (read < buffer.Length)
            {
                break;
            }
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        return store.Write(s =>
        {
            var artifact = new Artifact
            {
                Id = id,
                ServerTaskId = task.Id,
                StepName = stepName,
                Filename = UniqueName(task.Artifacts, name),
                Length = length,
                Sha256 = sha,
                Created = time.GetUtcNow(),
            };
            s.Artifacts.Insert(artifact);
            return artifact;
        });
    }

    /// <summary>Finds an artifact by id, or by file name within a task.</summary>
    public Result<Artifact> Find(string idOrName, string? taskId) => store.Read<Result<Artifact>>(s =>
    {
        if (s.Artifacts.Get(idOrName.Trim()) is { } byId)
        {
            return byId;
        }

        if (taskId is null)
        {
            return Problem.NotFound("artifact", idOrName);
        }

        var task = TaskService.Find(s, taskId);
        if (!task.IsSuccess)
        {
            return task.Problem;
        }

        return task.Value.Artifacts.FirstOrDefault(a => string.Equals(a.Filename, idOrName.Trim(), StringComparison.Ordinal))
            ?? task.Value.Artifacts.FirstOrDefault(a => string.Equals(a.Filename, idOrName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? (Result<Artifact>)new Problem(404, "Not found", $"Task {task.Value.Id} has no artifact with id or name '{idOrName}'.");
    });

    /// <summary>Writes an artifact's content to <paramref name="destination"/>, chunk by chunk.</summary>
    public async Task CopyToAsync(Artifact artifact, Stream destination, CancellationToken cancellationToken)
    {
        for (var index = 0; ; index++)
        {
            var chunkIndex = index;
            var data = store.Read(s => s.ArtifactContent.Get(artifact.Id, chunkIndex));
            if (data is null)
            {
                return;
            }

            await destination.WriteAsync(data, cancellationToken);
        }
    }

    private static string UniqueName(IReadOnlyList<Artifact> existing, string name)
    {
        var taken = existing.Select(a => a.Filename).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!taken.Contains(name))
        {
            return name;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}{extension}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
