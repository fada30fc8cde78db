using System.Globalization;
using System.Runtime.InteropServices;

namespace OctoLite.Scripting.Processes;

/// <summary>Signals and membership of Unix process groups, through libc and /proc.</summary>
internal static partial class ProcessGroup
{
    /// <summary>SIGKILL: cannot be caught or ignored.</summary>
    public const int Kill = 9;

    /// <summary>SIGTERM: asks politely; scripts may trap it.</summary>
    public const int Term = 15;

    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>Sends <paramref name="signal"/> to every process in group <paramref name="pgid"/>; false when the group has no member.</summary>
    public static bool SignalGroup(int pgid, int signal) => SignalOne(-pgid, signal);

    /// <summary>Sends <paramref name="signal"/> to process <paramref name="pid"/> alone; false when it no longer exists.</summary>
    public static bool SignalProcess(int pid, int signal) => SignalOne(pid, signal);

    /// <summary>The process group of <paramref name="pid"/>, or null when that process no longer exists.</summary>
    public static int? GroupOf(int pid)
    {
        var pgid = getpgid(pid);
        return pgid < 0 ? null : pgid;
    }

    /// <summary>
    /// Whether any process of group <paramref name="pgid"/> is still running. Zombies do not count: they have
    /// finished, and an init that does not reap orphans (common in containers) would otherwise keep a group
    /// "alive" for ever.
    /// </summary>
    public static bool HasLiveMembers(int pgid)
    {
        // Fast answer first: no member at all, zombie or not.
        if (!SignalGroup(pgid, 0))
            return false;

        return LiveMembers(pgid).Any();
    }

    /// <summary>The ids of the non-zombie processes whose group is <paramref name="pgid"/>, from /proc.</summary>
    public static IEnumerable<int> LiveMembers(int pgid)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;

            var stat = ReadStat(folder);
            if (stat is { } s && s.Pgid == pgid && s.State is not ('Z' or 'X'))
                yield return pid;
        }
    }

    /// <summary>
    /// When process <paramref name="pid"/> started, in clock ticks after boot (field 22 of <c>/proc/PID/stat</c>), or
    /// null when it does not exist. Pids are reused; a (pid, start time) pair names one process for good.
    /// </summary>
    public static long? StartTime(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var fields = text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
    }

    private static (char State, int Pgid)? ReadStat(string procFolder)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(procFolder, "stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // exited while we looked
        }

        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3 || fields[0].Length != 1 || !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var pgid))
            return null;
        return (fields[0][0], pgid);
    }

    private static bool SignalOne(int target, int signal)
    {
        if (kill(target, signal) == 0)
            return true;

        var error = Marshal.GetLastPInvokeError();
        // EPERM means something is there that we may not signal (another account's process): it exists.
        return error != NoSuchProcess;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getpgid(int pid);
}
