using System.Security.Cryptography;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// File transfer into and out of a script's workspace, streamed and hashed (SHA-256, lower-case hex), at most
/// <see cref="TentacleProtocol.MaxFileBytes"/> bytes, confined by <see cref="WorkspacePath"/>. An upload lands
/// in a temporary file first and replaces the target only once its hash matched, so a broken transfer changes nothing.
/// </summary>
internal sealed class WorkspaceFiles(ScriptService scripts, long maxFileBytes = TentacleProtocol.MaxFileBytes)
{
    private const int BufferBytes = 81920;

    /// <summary>Stores <paramref name="body"/> at <paramref name="path"/> in the ticket's workspace; returns its length.</summary>
    /// <exception cref="TentacleRequestException">Bad path, missing or wrong hash, or too large.</exception>
    public async Task<long> UploadAsync(string ticket, string? path, Stream body, long? declaredLength, string? sha256, CancellationToken cancellationToken)
    {
        var workspace = scripts.Workspace(ticket);
        var target = WorkspacePath.Resolve(workspace, path);
        if (sha256 is null || sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw TentacleRequestException.BadRequest(
                $"{TentacleProtocol.Sha256Header} must be the SHA-256 of the file as 64 hexadecimal characters (got '{sha256}').", TentacleProtocol.Sha256Header);
        }

        if (declaredLength > maxFileBytes)
        {
            throw TooLarge(path!, declaredLength.Value);
        }

        if (Directory.Exists(target))
        {
            throw TentacleRequestException.BadRequest($"path '{path}' is refused: it is a folder.", "path");
        }

        CreateParents(target);
        var temporary = $"{target}.{Guid.NewGuid():N}.upload";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite, Options = FileOptions.Asynchronous,
            }))
            {
                var buffer = new byte[BufferBytes];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxFileBytes)
                    {
                        throw TooLarge(path!, length);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!actual.Equals(sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw TentacleRequestException.BadRequest(
                    $"The {length} bytes received for '{path}' have SHA-256 {actual}, not {sha256.ToLowerInvariant()} as {TentacleProtocol.Sha256Header} said; the file was not stored.",
                    TentacleProtocol.Sha256Header);
            }

            File.Move(temporary, target, overwrite: true);
            return length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Opens the file at <paramref name="path"/> for streaming, with its length and SHA-256.</summary>
    /// <exception cref="TentacleRequestException">Bad path (400), no such file (404), or too large (413).</exception>
    public async Task<(FileStream Stream, long Length, string Sha256)> OpenForDownloadAsync(string ticket, string? path, CancellationToken cancellationToken)
    {
        var workspace = scripts.Home.Workspace(ScriptTicket.Validate(ticket));
        var source = WorkspacePath.Resolve(workspace, path);
        if (!File.Exists(source))
        {
            throw new TentacleRequestException(404, $"There is no file '{path}' in the workspace of ticket '{ticket}'.", "path");
        }

        var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.Asynchronous);
        try
        {
            if (stream.Length > maxFileBytes)
            {
                throw TooLarge(path!, stream.Length);
            }

            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            stream.Position = 0;
            return (stream, stream.Length, sha);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static void CreateParents(string target)
    {
        var parent = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(parent))
        {
            Directory.CreateDirectory(parent, TentacleHome.OwnerOnlyFolder);
        }
    }

    private TentacleRequestException TooLarge(string path, long length) =>
        new(413, $"'{path}' is {length} bytes or more; files of at most {maxFileBytes} bytes are transferred.", "path");
}
