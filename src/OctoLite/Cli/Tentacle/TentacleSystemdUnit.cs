using System.Globalization;
using System.Text;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// The systemd unit that runs one tentacle instance's agent (<c>octolite tentacle run --home …</c>): its name and
/// its text. Every value is escaped as systemd reads it, so a path with spaces, quotes, '$' or '%' survives.
/// </summary>
/// <param name="InstanceName">The instance's name, as recorded in its <c>tentacle.json</c>.</param>
/// <param name="HomeDirectory">The instance's absolute home directory, passed to <c>tentacle run --home</c>.</param>
/// <param name="Executable">The absolute path of the octolite binary the service runs.</param>
/// <param name="User">The account the service runs as; null runs it as root (no <c>User=</c> line).</param>
internal sealed record TentacleSystemdUnit(string InstanceName, string HomeDirectory, string Executable, string? User)
{
    /// <summary>Every tentacle unit is named <c>octolite-tentacle-&lt;instance&gt;.service</c>.</summary>
    public const string NamePrefix = "octolite-tentacle-";

    /// <summary>How long systemd waits before restarting an agent that exited: short, yet no busy loop.</summary>
    public static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long <c>systemctl stop</c> lets the agent take before SIGKILL: the agent's own wait for its canceled
    /// scripts (<see cref="TentacleTimeoutsAndLimits.ShutdownWait"/>) plus 10 s to flush and exit.
    /// </summary>
    public static readonly TimeSpan StopTimeout = TentacleTimeoutsAndLimits.ShutdownWait + TimeSpan.FromSeconds(10);

    /// <summary>Open files allowed to the agent and its scripts: connections, journals and whatever scripts open.</summary>
    public const int OpenFilesLimit = 65536;

    public string Name => NameOf(InstanceName);

    /// <summary>
    /// The unit name for <paramref name="instanceName"/>. Unit names allow ASCII letters, digits and <c>:_.-</c>;
    /// any other character becomes <c>\xNN</c> per UTF-8 byte, as <c>systemd-escape</c> writes it.
    /// </summary>
    /// <exception cref="ArgumentException">The name would exceed systemd's 255 characters.</exception>
    public static string NameOf(string instanceName)
    {
        var name = new StringBuilder(NamePrefix);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in instanceName.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is ':' or '_' or '.' or '-'))
            {
                name.Append((char)rune.Value);
                continue;
            }

            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
            {
                name.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
        }

        name.Append(".service");
        return name.Length <= 255
            ? name.ToString()
            : throw new ArgumentException($"The instance name '{instanceName}' is too long for a systemd unit name (at most 255 characters, got {name.Length}).");
    }

    /// <summary>The unit file's text.</summary>
    /// <exception cref="ArgumentException">A value holds a control character (such as a newline), which a unit file cannot hold.</exception>
    public string Render()
    {
        var execStart = string.Join(' ', [ExecWord(Executable, executable: true), .. new[] { "tentacle", "run", "--home", HomeDirectory }.Select(a => ExecWord(a, executable: false))]);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Written by `octolite tentacle service --install` for tentacle instance {Checked(InstanceName)}.
            # Run that again to rewrite it; `octolite tentacle service --uninstall` removes it.
            [Unit]
            Description={Plain($"OctoLite Tentacle, instance {InstanceName}")}
            After=network-online.target
            Wants=network-online.target

            [Service]
            Type=simple
            ExecStart={execStart}

            """);
        if (User is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"User={Plain(User)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"""
            Restart=always
            RestartSec={(int)RestartDelay.TotalSeconds}
            # mixed: on stop, SIGTERM goes to the agent alone. The agent cancels its running scripts itself (SIGTERM to
            # each script's process group, SIGKILL after the grace), records them Canceled in their journals and exits;
            # only then does systemd SIGKILL whatever is left in the unit's cgroup (say, a daemon a script started).
            # control-group would signal the scripts behind the agent's back; process would leave them running.
            KillMode=mixed
            TimeoutStopSec={(int)StopTimeout.TotalSeconds}
            LimitNOFILE={OpenFilesLimit}

            [Install]
            WantedBy=multi-user.target

            """);
        return text.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>
    /// One word of an <c>ExecStart=</c> command line: as it is when it holds only safe characters, else in double
    /// quotes with <c>\</c> and <c>"</c> escaped. <c>%</c> (a specifier) becomes <c>%%</c> everywhere, and <c>$</c>
    /// (a variable) <c>$$</c> in the arguments; the executable is taken literally, so its '$' stays as it is.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The word holds a control character, or it is the executable and holds a quote or a backslash, which systemd
    /// refuses in an executable path.
    /// </exception>
    private static string ExecWord(string word, bool executable)
    {
        RefuseControlCharacters(word);
        if (executable && word.IndexOfAny(['"', '\'', '\\']) >= 0)
        {
            throw new ArgumentException($"systemd refuses an executable path holding a quote or a backslash: '{word}'. Install (or link) octolite elsewhere, or set it with the environment variable {TentacleServiceCommand.ExecVariable}.");
        }

        var escaped = word.Replace("%", "%%", StringComparison.Ordinal);
        if (!executable)
        {
            escaped = escaped.Replace("$", "$$", StringComparison.Ordinal);
        }

        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '=' or '@' or '%' or '$'))
        {
            return escaped;
        }

        return $"\"{escaped.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>A value of a setting systemd takes as one string (Description=, User=): only specifiers need escaping.</summary>
    private static string Plain(string value)
    {
        RefuseControlCharacters(value);
        return value.Replace("%", "%%", StringComparison.Ordinal);
    }

    /// <summary>A value in a comment, where systemd expands nothing.</summary>
    private static string Checked(string value)
    {
        RefuseControlCharacters(value);
        return value;
    }

    private static void RefuseControlCharacters(string value)
    {
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"'{value.ReplaceLineEndings(" ")}' holds a control character (such as a newline), which a systemd unit file cannot hold.");
        }
    }
}
