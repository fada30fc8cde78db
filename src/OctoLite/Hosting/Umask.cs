using System.Runtime.InteropServices;

namespace OctoLite.Hosting;

/// <summary>The server makes everything it creates private to its account: data file, socket, logs.</summary>
internal static partial class Umask
{
    public static void MakePrivate() => umask(0b000_111_111);

    [LibraryImport("libc")]
    private static partial uint umask(uint mask);
}
