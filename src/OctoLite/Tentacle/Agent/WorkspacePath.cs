namespace OctoLite.Tentacle.Agent;

/// <summary>
/// Confines a file transfer to a script's workspace. A path must be relative, without <c>..</c> segments, and
/// must not lead out of the workspace through a symbolic link at any level (links are resolved one by one, as the
/// kernel does; a link into the workspace is fine). Checked before each transfer; a script racing to swap in a
/// link afterwards could still redirect it, which is acceptable only because the script already runs with the
/// tentacle's rights.
/// </summary>
internal static class WorkspacePath
{
    /// <summary>The full path <paramref name="relative"/> names inside <paramref name="workspace"/>, links resolved.</summary>
    /// <exception cref="TentacleRequestException">400 naming the path when it is empty, absolute, holds '..' or leads out.</exception>
    public static string Resolve(string workspace, string? relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            throw Refused(relative ?? "", "a path relative to the script's workspace is required");
        }

        if (relative.Contains('\0', StringComparison.Ordinal))
        {
            throw Refused(relative, "it holds a NUL character");
        }

        if (Path.IsPathRooted(relative))
        {
            throw Refused(relative, "absolute paths are not allowed; give a path relative to the script's workspace");
        }

        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
        {
            throw Refused(relative, "'..' is not allowed");
        }

        var root = RealPath(Path.GetFullPath(workspace));
        var current = root;
        var hops = 0;
        foreach (var segment in segments)
        {
            current = Walk(current, [segment], ref hops, relative);
            if (!IsInside(root, current))
            {
                throw Refused(relative, "it leads out of the script's workspace through a symbolic link");
            }
        }

        if (current == root)
        {
            throw Refused(relative, "it names the workspace itself, not a file in it");
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it.</summary>
    public static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>Resolves every symbolic link along an absolute path, as realpath(3) does; a missing tail is kept as written.</summary>
    public static string RealPath(string path)
    {
        var hops = 0;
        return Walk("/", path.Split('/'), ref hops, path);
    }

    /// <summary>
    /// Walks <paramref name="segments"/> from <paramref name="start"/> (a path free of links), replacing each link by
    /// its target as it goes, so '..' always climbs from where the kernel would be, never from the link's name.
    /// </summary>
    private static string Walk(string start, IEnumerable<string> segments, ref int hops, string asked)
    {
        var current = start;
        foreach (var segment in segments)
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = Path.Combine(current, segment);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++hops > TentacleTimeoutsAndLimits.MaxSymbolicLinks)
            {
                throw Refused(asked, "too many symbolic links");
            }

            current = Walk(target.StartsWith('/') ? "/" : current, target.Split('/'), ref hops, asked);
        }

        return current;
    }

    private static TentacleRequestException Refused(string path, string why) =>
        TentacleRequestException.BadRequest($"path '{path}' is refused: {why}.", "path");
}
