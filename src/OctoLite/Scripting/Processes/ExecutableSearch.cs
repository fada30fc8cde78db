namespace OctoLite.Scripting.Processes;

/// <summary>Finds programs the way <c>execvp</c> would, so a missing one can be reported before anything starts.</summary>
internal static class ExecutableSearch
{
    /// <summary>
    /// The full path of <paramref name="name"/>: itself when it contains a '/', otherwise the first executable file
    /// of that name in the colon-separated <paramref name="searchPath"/> (empty entries ignored). Null when none is found.
    /// </summary>
    public static string? Find(string name, string? searchPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/'))
            return IsExecutableFile(name) ? Path.GetFullPath(name) : null;

        foreach (var folder in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (IsExecutableFile(candidate))
                return Path.GetFullPath(candidate);
        }

        return null;
    }

    /// <summary>The first of <paramref name="fixedPaths"/> that is an executable file, else <see cref="Find"/>.</summary>
    public static string? FindPreferring(IEnumerable<string> fixedPaths, string name, string? searchPath) =>
        fixedPaths.FirstOrDefault(IsExecutableFile) ?? Find(name, searchPath);

    private static bool IsExecutableFile(string path)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return File.Exists(path) && (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
