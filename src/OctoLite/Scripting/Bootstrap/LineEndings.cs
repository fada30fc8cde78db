namespace OctoLite.Scripting.Bootstrap;

/// <summary>Line-ending repair for scripts pasted from Windows.</summary>
internal static class LineEndings
{
    /// <summary>
    /// <paramref name="script"/> with each CR LF turned into LF, as Octopus does for bash and Python: a stray CR
    /// breaks every command line in bash. Lone CRs and other characters are left alone.
    /// </summary>
    public static string ToUnix(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal);
}
