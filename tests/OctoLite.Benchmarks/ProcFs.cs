using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>What Linux's /proc says about a process: its children and its current resident set.</summary>
internal static class ProcFs
{
    /// <summary>Ids of the direct children of a process (empty once it is gone).</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }

        var children = new List<int>();
        foreach (var task in tasks)
        {
            // /proc/PID/task/TID/children needs CONFIG_PROC_CHILDREN; without it, scan every process's parent.
            var file = Path.Combine(task, "children");
            if (!File.Exists(file))
            {
                return ChildrenByParentScan(pid);
            }

            children.AddRange(ReadOrEmpty(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseId));
        }

        return children;
    }

    /// <summary>VmRSS of a live process in KiB, or null once it has exited.</summary>
    public static long? VmRssKb(int pid)
    {
        foreach (var line in ReadOrEmpty($"/proc/{pid}/status").Split('\n'))
        {
            // "VmRSS:     12345 kB"
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return Format.ParseKb(line["VmRSS:".Length..]);
            }
        }

        return null;
    }

    private static List<int> ChildrenByParentScan(int pid)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var candidate))
            {
                continue;
            }

            // "PID (comm) STATE PPID ..."; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = ReadOrEmpty(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 1 && fields[1] == pid.ToString(CultureInfo.InvariantCulture))
            {
                children.Add(candidate);
            }
        }

        return children;
    }

    /// <summary>A /proc file's text, or empty if the process went away while we looked.</summary>
    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static int ParseId(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
