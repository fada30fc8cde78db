using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OctoLite.Scripting.Processes;

/// <summary>
/// Starts a script with glibc's <c>posix_spawn</c>, as the leader of a new session and process group
/// (<c>POSIX_SPAWN_SETSID</c>: the child calls <c>setsid()</c> before it execs, so the group exists before
/// <see cref="Spawn"/> returns). Standard input is <c>/dev/null</c>; standard output and error are the write ends of
/// two pipes whose read ends are returned; every other descriptor is closed; the signal mask is empty and
/// dispositions are inherited as .NET's own Process would pass them (handlers reset, ignored signals stay ignored).
/// </summary>
internal static unsafe class ScriptSpawner
{
    private const int FirstNonStandardFd = 3;
    private const int SearchPermission = 1; // X_OK
    private const string Shell = "/bin/sh";

    private static volatile bool closeFromMissing;

    /// <summary>Spawns <paramref name="startInfo"/>; returns the child's pid and the read ends of its stdout and stderr.</summary>
    /// <exception cref="ArgumentException">Argv is empty or an argument holds NUL; an environment variable is not valid.</exception>
    /// <exception cref="ScriptProcessStartException">The working folder or the program cannot be used.</exception>
    public static int Spawn(ScriptProcessStartInfo startInfo, out SafePipeHandle stdout, out SafePipeHandle stderr)
    {
        var argv = startInfo.Argv;
        if (argv.Count == 0 || string.IsNullOrEmpty(argv[0]))
            throw new ArgumentException("Argv must name a program.", nameof(startInfo));
        if (argv.Any(a => a.Contains('\0')))
            throw new ArgumentException("Arguments cannot hold NUL characters.", nameof(startInfo));

        var folder = startInfo.WorkingDirectory;
        var environment = ScriptEnvironment.Compose(startInfo.Environment);
        var program = ExecutableSearch.Find(Anchor(argv[0], folder), environment.GetValueOrDefault("PATH"))
            ?? throw new ScriptProcessStartException(FolderProblem(folder)
                ?? $"Cannot run '{argv[0]}': no executable file of that name was found{(argv[0].Contains('/') ? "" : " on the script's PATH")}.");

        using var envp = new NativeStringArray([.. environment.Select(v => $"{v.Key}={v.Value}")]);
        var (outRead, outWrite) = Pipe();
        var (errRead, errWrite) = (-1, -1);
        var pid = 0;
        var error = 0;
        try
        {
            (errRead, errWrite) = Pipe();
            using (var args = new NativeStringArray([program, .. argv.Skip(1)]))
                error = SpawnOnce(program, args, envp, folder, outWrite, errWrite, out pid);

            // A file without '#!' that the kernel cannot run: run it with sh, as execvp (and so setsid) did.
            if (error == PosixSpawn.NotExecutable)
            {
                using var args = new NativeStringArray([Shell, program, .. argv.Skip(1)]);
                error = SpawnOnce(Shell, args, envp, folder, outWrite, errWrite, out pid);
            }
        }
        catch
        {
            error = -1;
            throw;
        }
        finally
        {
            // The child has its copies (or never ran): the pipes must reach end-of-file when it and its children exit.
            CloseAll(outWrite, errWrite);
            if (error != 0)
                CloseAll(outRead, errRead);
        }

        if (error != 0)
        {
            throw new ScriptProcessStartException(FolderProblem(folder)
                ?? $"Could not start '{argv[0]}'{(program == argv[0] ? "" : $" ({program})")}: {Marshal.GetPInvokeErrorMessage(error)}.");
        }

        stdout = new SafePipeHandle(outRead, ownsHandle: true);
        stderr = new SafePipeHandle(errRead, ownsHandle: true);
        return pid;
    }

    // Returns 0 or the error number posix_spawn reports (exec and chdir failures in the child included).
    private static int SpawnOnce(string path, NativeStringArray argv, NativeStringArray envp, string folder, int stdout, int stderr, out int pid)
    {
        var attributes = stackalloc byte[PosixSpawn.AttributesBytes];
        var actions = stackalloc byte[PosixSpawn.FileActionsBytes];
        var noSignals = stackalloc byte[PosixSpawn.SignalSetBytes];
        var child = 0;
        Check(PosixSpawn.posix_spawnattr_init(attributes));
        Check(PosixSpawn.posix_spawn_file_actions_init(actions));
        try
        {
            fixed (byte* pathBytes = NativeStringArray.Single(path))
            fixed (byte* folderBytes = NativeStringArray.Single(folder))
            fixed (byte* devNull = "/dev/null"u8)
            {
                PosixSpawn.sigemptyset(noSignals);
                Check(PosixSpawn.posix_spawnattr_setsigmask(attributes, noSignals));
                Check(PosixSpawn.posix_spawnattr_setflags(attributes, PosixSpawn.SetSession | PosixSpawn.SetSignalMask));
                Check(PosixSpawn.posix_spawn_file_actions_adddup2(actions, stdout, 1));
                Check(PosixSpawn.posix_spawn_file_actions_adddup2(actions, stderr, 2));
                Check(PosixSpawn.posix_spawn_file_actions_addopen(actions, 0, devNull, PosixSpawn.ReadOnly, 0));
                AddCloseFrom(actions);
                Check(PosixSpawn.posix_spawn_file_actions_addchdir_np(actions, folderBytes));
                var error = PosixSpawn.posix_spawn(&child, pathBytes, actions, attributes, argv.Pointer, envp.Pointer);
                pid = child;
                return error;
            }
        }
        catch (EntryPointNotFoundException e)
        {
            throw new ScriptProcessStartException("Starting scripts needs glibc 2.29 or later (posix_spawn_file_actions_addchdir_np).", e);
        }
        finally
        {
            PosixSpawn.posix_spawn_file_actions_destroy(actions);
            PosixSpawn.posix_spawnattr_destroy(attributes);
        }
    }

    // .NET opens its own descriptors close-on-exec, but the server may have inherited others (from a shell, a
    // service manager): scripts get none of them. Needs glibc 2.34; older ones only lose this tidying.
    private static void AddCloseFrom(void* actions)
    {
        if (closeFromMissing)
            return;
        try
        {
            Check(PosixSpawn.posix_spawn_file_actions_addclosefrom_np(actions, FirstNonStandardFd));
        }
        catch (EntryPointNotFoundException)
        {
            closeFromMissing = true;
        }
    }

    private static void CloseAll(params ReadOnlySpan<int> fds)
    {
        foreach (var fd in fds)
        {
            if (fd >= 0)
                PosixSpawn.close(fd);
        }
    }

    private static (int Read, int Write) Pipe()
    {
        var fds = stackalloc int[2];
        if (PosixSpawn.pipe2(fds, PosixSpawn.CloseOnExec) != 0)
            throw new ScriptProcessStartException($"Could not create a pipe for the script's output: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
        return (AboveStandard(fds[0]), AboveStandard(fds[1]));
    }

    // If the server runs with stdin, stdout or stderr closed, a pipe may land on 0-2 and be overwritten by the
    // child's own dup2 calls; move it out of the way.
    private static int AboveStandard(int fd)
    {
        if (fd >= FirstNonStandardFd)
            return fd;
        var moved = PosixSpawn.fcntl(fd, PosixSpawn.DuplicateCloseOnExec, FirstNonStandardFd);
        PosixSpawn.close(fd);
        if (moved < 0)
            throw new ScriptProcessStartException($"Could not create a pipe for the script's output: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
        return moved;
    }

    private static void Check(int error)
    {
        if (error != 0)
            throw new ScriptProcessStartException($"Could not prepare the script's start: {Marshal.GetPInvokeErrorMessage(error)}.");
    }

    // After a failed start, whether the folder was the reason: then the message names it.
    private static string? FolderProblem(string folder)
    {
        if (!Directory.Exists(folder))
            return $"The working folder '{folder}' does not exist.";
        fixed (byte* path = NativeStringArray.Single(folder))
        {
            if (PosixSpawn.access(path, SearchPermission) != 0)
                return $"Cannot enter the working folder '{folder}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.";
        }

        return null;
    }

    // A relative path with a '/' (./deploy.sh) means the child's working folder, not ours.
    private static string Anchor(string program, string workingDirectory) =>
        program.Contains('/') && !Path.IsPathRooted(program) ? Path.Combine(workingDirectory, program) : program;
}
