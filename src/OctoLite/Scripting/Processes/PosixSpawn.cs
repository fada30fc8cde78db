using System.Runtime.InteropServices;

namespace OctoLite.Scripting.Processes;

/// <summary>
/// The glibc calls <see cref="ScriptSpawner"/> and <see cref="ChildExit"/> use. Layouts and constants are glibc's on
/// Linux x86-64; <c>posix_spawn_file_actions_addchdir_np</c> needs glibc 2.29, <c>POSIX_SPAWN_SETSID</c> 2.26.
/// </summary>
internal static unsafe partial class PosixSpawn
{
    // Opaque glibc types, sized with room to spare: posix_spawnattr_t is 336 bytes, posix_spawn_file_actions_t 80.
    public const int AttributesBytes = 512;
    public const int FileActionsBytes = 256;
    public const int SignalSetBytes = 128;

    public const short SetSignalMask = 0x08; // POSIX_SPAWN_SETSIGMASK
    public const short SetSession = 0x80; // POSIX_SPAWN_SETSID

    public const int ReadOnly = 0; // O_RDONLY
    public const int CloseOnExec = 0x80000; // O_CLOEXEC
    public const int DuplicateCloseOnExec = 1030; // F_DUPFD_CLOEXEC

    public const int Interrupted = 4; // EINTR
    public const int NoChild = 10; // ECHILD
    public const int NotExecutable = 8; // ENOEXEC

    public const int ByPid = 1; // P_PID
    public const int Exited = 4; // WEXITED
    public const int NoHang = 1; // WNOHANG
    public const int NoWait = 0x01000000; // WNOWAIT
    public const int SignalInfoBytes = 128; // siginfo_t
    public const int ChildExitedNormally = 1; // CLD_EXITED (otherwise CLD_KILLED or CLD_DUMPED: si_status is the signal)

    [LibraryImport("libc")]
    public static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setsigmask(void* attributes, void* signalSet);

    [LibraryImport("libc")]
    public static partial int sigemptyset(void* signalSet);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_init(void* fileActions);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_destroy(void* fileActions);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_addopen(void* fileActions, int fd, byte* path, int flags, uint mode);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_adddup2(void* fileActions, int fd, int newFd);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_addchdir_np(void* fileActions, byte* path);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_addclosefrom_np(void* fileActions, int from);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int access(byte* path, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int waitid(int idType, int id, void* info, int options);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int waitpid(int pid, int* status, int options);
}
