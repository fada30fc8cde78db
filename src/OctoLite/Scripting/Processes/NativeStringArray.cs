using System.Runtime.InteropServices;
using System.Text;

namespace OctoLite.Scripting.Processes;

/// <summary>
/// A NULL-terminated array of NUL-terminated UTF-8 strings (<c>char *const argv[]</c>, <c>envp</c>) in one native
/// block, freed on dispose. The caller has already rejected strings holding NUL.
/// </summary>
internal sealed unsafe class NativeStringArray : IDisposable
{
    private void* block;

    public NativeStringArray(IReadOnlyList<string> strings)
    {
        var table = (nuint)(strings.Count + 1) * (nuint)sizeof(byte*);
        nuint bytes = table;
        foreach (var s in strings)
            bytes += (nuint)Encoding.UTF8.GetByteCount(s) + 1;

        block = NativeMemory.Alloc(bytes);
        var pointers = (byte**)block;
        var next = (byte*)block + table;
        var end = (byte*)block + bytes;
        for (var i = 0; i < strings.Count; i++)
        {
            pointers[i] = next;
            var written = Encoding.UTF8.GetBytes(strings[i], new Span<byte>(next, (int)(end - next)));
            next[written] = 0;
            next += written + 1;
        }

        pointers[strings.Count] = null;
    }

    /// <summary>The array; valid until dispose.</summary>
    public byte** Pointer => (byte**)block;

    /// <summary>One UTF-8 string as a NUL-terminated byte array, for a single <c>const char*</c>.</summary>
    public static byte[] Single(string s)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }

    public void Dispose()
    {
        NativeMemory.Free(block);
        block = null;
    }
}
