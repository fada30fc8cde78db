using System.Globalization;
using OctoLite.Scripting.Processes;

namespace OctoLite.Scripting.RunAs;

/// <summary>
/// How a step's command is started as another account: prefixed with
/// <c>setpriv --reuid=UID --regid=GID --init-groups --</c> (util-linux).
/// </summary>
/// <remarks>
/// glibc's <c>posix_spawn</c>, which starts every script (see <see cref="ScriptSpawner"/>), cannot change ids, and
/// forking a .NET process to call <c>setuid</c> in managed code is unsafe. <c>setpriv</c> changes the real and
/// effective user and group ids and sets the account's supplementary groups (<c>initgroups(3)</c>), then
/// <em>execs</em> the interpreter: no extra process stays behind, the script keeps the pid, session and process
/// group the spawner made, and cancelling signals that group as before (root may signal any process). Leaving
/// uid 0 drops every capability. <c>--no-new-privs</c> is not set, so <c>sudo</c> still works for an account
/// that is allowed it. Numeric ids are passed, so the account the server resolved is the one used.
/// </remarks>
internal static class RunAsCommand
{
    /// <summary>Where setpriv is looked for first; then on the search path.</summary>
    private static readonly string[] FixedPaths = ["/usr/bin/setpriv", "/bin/setpriv"];

    /// <summary>What to tell the operator when setpriv is missing.</summary>
    public const string MissingMessage =
        "Running steps as another account needs setpriv (util-linux; `apt-get install util-linux`, `dnf install util-linux`), which was not found in /usr/bin, /bin or on the PATH.";

    /// <summary>The full path of setpriv, or null when this machine has none.</summary>
    public static string? FindSetpriv(string? searchPath) =>
        ExecutableSearch.FindPreferring(FixedPaths, "setpriv", searchPath ?? Environment.GetEnvironmentVariable("PATH"));

    /// <summary><paramref name="argv"/> run through <paramref name="setpriv"/> as <paramref name="account"/>.</summary>
    public static IReadOnlyList<string> Wrap(string setpriv, RunAsAccount account, IReadOnlyList<string> argv) =>
    [
        setpriv,
        $"--reuid={account.Uid.ToString(CultureInfo.InvariantCulture)}",
        $"--regid={account.Gid.ToString(CultureInfo.InvariantCulture)}",
        "--init-groups",
        "--",
        .. argv,
    ];

    /// <summary>
    /// The environment of a step run as <paramref name="account"/>: HOME, USER and LOGNAME are the account's, and
    /// TMPDIR is <c>/tmp</c> (the server's own TMPDIR may be private to it); <paramref name="variables"/>, the step's
    /// own, are laid over these, so a variable named HOME still wins.
    /// </summary>
    public static Dictionary<string, string> EnvironmentFor(RunAsAccount account, IReadOnlyDictionary<string, string> variables)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = account.Home,
            ["USER"] = account.Name,
            ["LOGNAME"] = account.Name,
            ["TMPDIR"] = "/tmp",
        };
        foreach (var (name, value) in variables)
            result[name] = value;
        return result;
    }
}
