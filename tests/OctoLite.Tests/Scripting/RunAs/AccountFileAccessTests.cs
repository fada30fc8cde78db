using System.Diagnostics;
using OctoLite.Scripting.RunAs;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Scripting.RunAs;

/// <summary>Files opened with a throwaway account's rights, and that account looked up, against the real kernel and passwd database.</summary>
public sealed class AccountFileAccessTests
{
    [RunAsFact]
    public void Find_ReturnsTheAccountsIds_AndItsSupplementaryGroups_AsIdSeesThem()
    {
        using var user = ThrowawayUser.Create();

        var account = RunAsAccount.Find(user.Name);

        Assert.NotNull(account);
        Assert.Equal(user.Name, account.Name);
        Assert.Equal(Id("-u", user.Name), account.Uid.ToString());
        Assert.Equal(Id("-g", user.Name), account.Gid.ToString());
        Assert.Equal(Id("-G", user.Name).Split(' ').Order(), account.Groups.Select(g => g.ToString()).Order());
        Assert.Equal(2, account.Groups.Count); // its own group and the supplementary one
        Assert.False(account.IsServerAccount);
    }

    [Fact]
    public void Find_AnUnknownUser_IsNull() => Assert.Null(RunAsAccount.Find("octolite-no-such-user"));

    [RunAsFact]
    public void OpenForReading_AFileTheAccountCanRead_IsOpen_AndReadableByTheServer()
    {
        using var user = ThrowawayUser.Create();
        using var folder = new AccountFolder();
        var path = folder.File("public.txt", "hello", "644");

        using var file = AccountFileAccess.OpenForReading(path, RunAsAccount.Find(user.Name)!);

        Assert.True(file.IsReadable, file.Refusal);
        Assert.Equal(5, file.Length);
        Assert.StartsWith("/proc/self/fd/", file.ReadablePath, StringComparison.Ordinal);
        Assert.Equal("hello", File.ReadAllText(file.ReadablePath));
    }

    [RunAsFact]
    public void OpenForReading_FilesOnlyTheServerCanRead_AreRefused()
    {
        using var user = ThrowawayUser.Create();
        using var folder = new AccountFolder();
        var account = RunAsAccount.Find(user.Name)!;
        var secret = folder.File("secret.txt", "s3cr3t", "600");
        var groupOnly = folder.File("group-root.txt", "g", "640");
        var behindClosedFolder = Path.Combine(folder.Folder("closed", "700"), "open.txt");
        File.WriteAllText(behindClosedFolder, "x");
        File.SetUnixFileMode(behindClosedFolder, (UnixFileMode)Convert.ToInt32("644", 8));

        foreach (var path in new[] { "/etc/shadow", secret, groupOnly, behindClosedFolder })
        {
            using var file = AccountFileAccess.OpenForReading(path, account);
            Assert.False(file.IsReadable, $"{account.Name} could open {path}");
            Assert.Equal("Permission denied", file.Refusal);
        }

        Assert.Equal("s3cr3t", File.ReadAllText(secret)); // and the server's own rights are untouched
    }

    [RunAsFact]
    public void OpenForReading_AFileReadableThroughASupplementaryGroup_IsOpen()
    {
        using var user = ThrowawayUser.Create();
        using var folder = new AccountFolder();
        var path = folder.File("team.txt", "team", "640");
        Run("chgrp", user.Group, path);

        using var file = AccountFileAccess.OpenForReading(path, RunAsAccount.Find(user.Name)!);

        Assert.True(file.IsReadable, file.Refusal);
    }

    [RunAsFact]
    public void OpenForReading_AFifoOrAFolder_IsRefusedAtOnce_WithoutWaitingForAWriter()
    {
        using var user = ThrowawayUser.Create();
        using var folder = new AccountFolder();
        var account = RunAsAccount.Find(user.Name)!;
        var fifo = folder.Combine("pipe");
        Run("mkfifo", "-m", "666", fifo);

        var watch = Stopwatch.StartNew();
        using var pipe = AccountFileAccess.OpenForReading(fifo, account);
        using var directory = AccountFileAccess.OpenForReading(folder.Folder("sub", "755"), account);
        using var missing = AccountFileAccess.OpenForReading(folder.Combine("missing"), account);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.False(pipe.IsReadable);
        Assert.Contains("not a regular file", pipe.Refusal);
        Assert.False(directory.IsReadable);
        Assert.Contains("not a regular file", directory.Refusal);
        Assert.Equal("No such file or directory", missing.Refusal);
    }

    [RunAsFact]
    public void OpenForReading_LeavesTheServerProcessCredentialsAsTheyWere()
    {
        using var user = ThrowawayUser.Create();
        using var folder = new AccountFolder();
        var before = Credentials();

        using (AccountFileAccess.OpenForReading(folder.File("a.txt", "a", "600"), RunAsAccount.Find(user.Name)!))
        {
        }

        Assert.Equal(before, Credentials());
    }

    // Uid, Gid (real, effective, saved, filesystem) and Groups of the process's main thread and of this one: a
    // process-wide setgroups (glibc's) or setfsuid left behind would show in either. Other threads may be other
    // tests' dedicated ones, mid-switch.
    private static string Credentials() => string.Join('\n', new[] { "/proc/self/status", "/proc/thread-self/status" }
        .SelectMany(File.ReadAllLines)
        .Where(l => l.StartsWith("Uid:", StringComparison.Ordinal) || l.StartsWith("Gid:", StringComparison.Ordinal) || l.StartsWith("Groups:", StringComparison.Ordinal)));

    private static string Id(string option, string user) => Run("id", option, user).Trim();

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
