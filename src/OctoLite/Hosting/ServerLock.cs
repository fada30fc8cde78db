namespace OctoLite.Hosting;

/// <summary>
/// An exclusive lock on the data folder held for the server's lifetime, so two servers never share
/// one data file. On Linux, .NET takes an flock(LOCK_EX) for FileShare.None; the kernel drops it when
/// the process dies, so a crash never leaves a stale lock behind.
/// </summary>
internal sealed class ServerLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly DataPaths _paths;

    private ServerLock(FileStream stream, DataPaths paths)
    {
        _lock = stream;
        _paths = paths;
    }

    public static ServerLock Acquire(DataPaths paths)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(paths.LockFile, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException)
        {
            var pid = File.Exists(paths.PidFile) ? File.ReadAllText(paths.PidFile).Trim() : "unknown";
            throw new ServerAlreadyRunningException(
                $"Another OctoLite server (pid {pid}) is already running on the data dir {paths.Directory}. " +
                "Stop it first, or use another --data-dir.");
        }

        File.WriteAllText(paths.PidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ServerLock(stream, paths);
    }

    public void Dispose()
    {
        File.Delete(_paths.PidFile);
        _lock.Dispose();
    }
}
