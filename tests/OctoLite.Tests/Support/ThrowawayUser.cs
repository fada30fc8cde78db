using System.Diagnostics;
using OctoLite.Scripting.Processes;

namespace OctoLite.Tests.Support;

/// <summary>
/// A system account made for one test (<c>useradd --system --no-create-home</c>, no login shell), with a
/// supplementary group of its own, deleted on dispose. Needs root (see <see cref="RunAsFactAttribute"/>).
/// </summary>
internal sealed class ThrowawayUser : IDisposable
{
    private ThrowawayUser(string name, string group)
    {
        Name = name;
        Group = group;
    }

    public string Name { get; }

    /// <summary>A supplementary group the account is a member of (not its primary group).</summary>
    public string Group { get; }

    public static ThrowawayUser Create()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var user = new ThrowawayUser($"octolite-t-{suffix}", $"octolite-g-{suffix}");
        Run("groupadd", ["--system", user.Group]);
        Run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "--groups", user.Group, user.Name]);
        return user;
    }

    /// <summary>Deletes the account now (a test of what happens after); dispose then has nothing left to do.</summary>
    public void Delete() => Run("userdel", [Name]);

    public void Dispose()
    {
        Run("userdel", [Name], tolerate: 6); // 6: no such user (deleted by the test)
        Run("groupdel", [Group], tolerate: 6);
    }

    public static string? Tool(string name) =>
        ExecutableSearch.FindPreferring([$"/usr/sbin/{name}", $"/sbin/{name}"], name, Environment.GetEnvironmentVariable("PATH"));

    // Tests in other classes make accounts at the same time, and the shadow tools lock /etc/passwd: retry a while.
    private static void Run(string tool, string[] arguments, int? tolerate = null)
    {
        var program = Tool(tool) ?? throw new InvalidOperationException($"{tool} is not installed (the passwd package): install it, or run the tests where it is.");
        for (var attempt = 1; ; attempt++)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0 || process.ExitCode == tolerate)
                return;
            if (attempt < 50 && error.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                Thread.Sleep(100);
                continue;
            }

            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {error}");
        }
    }
}
