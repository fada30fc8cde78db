namespace OctoLite.Hosting;

/// <summary>Where one OctoLite instance keeps its state: everything lives in one folder.</summary>
internal sealed record DataPaths(string Directory)
{
    public string DatabaseFile => Path.Combine(Directory, "octolite.db");
    public string SocketFile => Path.Combine(Directory, "octolite.sock");
    public string LockFile => Path.Combine(Directory, "octolite.lock");
    public string PidFile => Path.Combine(Directory, "server.pid");
    public string ServerLogFile => Path.Combine(Directory, "server.log");
    /// <summary>The key sensitive values are encrypted with: beside the data file, never inside it. Back up both.</summary>
    public string MasterKeyFile => Path.Combine(Directory, "master.key");
    /// <summary>The built-in worker's working folders: <c>work/&lt;taskId&gt;/&lt;stepId&gt;</c>.</summary>
    public string WorkFolder => Path.Combine(Directory, "work");

    /// <summary>
    /// <c>--data-dir</c>, else <c>$OCTOLITE_DATA_DIR</c>, else <c>$XDG_DATA_HOME/octolite</c>,
    /// else <c>~/.local/share/octolite</c>.
    /// </summary>
    public static DataPaths Resolve(string? dataDirOption, EnvironmentVariables environment)
    {
        var directory = dataDirOption
            ?? environment.Get(EnvironmentVariables.DataDir)
            ?? (environment.XdgDataHome is { } xdg ? Path.Combine(xdg, "octolite") : null)
            ?? Path.Combine(environment.Home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "octolite");
        return new DataPaths(Path.GetFullPath(directory));
    }

    /// <summary>Creates the folder readable by its owner only (0700), tightening it if it exists looser.</summary>
    public void EnsurePrivateDirectory()
    {
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.CreateDirectory(Directory, owner);
        }
        else if ((File.GetUnixFileMode(Directory) & ~owner) != 0)
        {
            File.SetUnixFileMode(Directory, owner);
        }
    }
}
