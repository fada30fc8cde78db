namespace OctoLite.Scripting.Processes;

/// <summary>
/// The environment a script starts with. It never inherits the server's environment (which may hold API keys,
/// <c>OCTOLITE_*</c> settings or a user's shell state); it starts empty and gets exactly:
/// <list type="table">
/// <item><term>PATH</term><description>the server's PATH, or <see cref="DefaultPath"/> when the server has none</description></item>
/// <item><term>HOME</term><description>the server account's home folder</description></item>
/// <item><term>LANG</term><description><c>C.UTF-8</c>, so interpreters read and write UTF-8</description></item>
/// <item><term>TMPDIR</term><description>the server's TMPDIR, else <c>/tmp</c></description></item>
/// <item><term>USER, LOGNAME</term><description>the server account's name</description></item>
/// <item><term>SHELL</term><description><c>/bin/sh</c></description></item>
/// </list>
/// then the caller's variables, which replace any of the above with the same name (for instance HOME and USER
/// when the engine runs the step as another account).
/// </summary>
internal static class ScriptEnvironment
{
    /// <summary>The PATH given to scripts when the server itself runs without one.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The minimal set described on <see cref="ScriptEnvironment"/>, computed from the current process.</summary>
    public static Dictionary<string, string> Baseline()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var temp = Environment.GetEnvironmentVariable("TMPDIR");
        var user = Environment.UserName;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = string.IsNullOrEmpty(path) ? DefaultPath : path,
            ["HOME"] = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            ["LANG"] = "C.UTF-8",
            ["TMPDIR"] = string.IsNullOrEmpty(temp) ? "/tmp" : temp,
            ["USER"] = user,
            ["LOGNAME"] = user,
            ["SHELL"] = "/bin/sh",
        };
    }

    /// <summary>The baseline with <paramref name="variables"/> laid over it.</summary>
    /// <exception cref="ArgumentException">A name is empty or holds '=' or NUL, or a value holds NUL.</exception>
    public static Dictionary<string, string> Compose(IReadOnlyDictionary<string, string> variables)
    {
        var result = Baseline();
        foreach (var (name, value) in variables)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains('\0'))
                throw new ArgumentException($"Environment variable name '{name}' is not valid: it must be non-empty, without '=' or NUL.", nameof(variables));
            if (value.Contains('\0'))
                throw new ArgumentException($"Environment variable '{name}' has a NUL character in its value.", nameof(variables));
            result[name] = value;
        }

        return result;
    }
}
