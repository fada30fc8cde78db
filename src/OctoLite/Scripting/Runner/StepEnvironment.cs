using System.Text;

namespace OctoLite.Scripting.Runner;

/// <summary>
/// The environment variables a step's variables become, so that a script, and every program it starts, can read
/// <c>$Octopus_Task_Id</c> without the helper functions.
/// </summary>
/// <remarks>
/// <para>
/// Naming: the variable's name with every character outside <c>[A-Za-z0-9_]</c> replaced by '_'
/// (<c>Octopus.Task.Id</c> → <c>Octopus_Task_Id</c>, <c>Octopus.Action[Say].Output.X</c> →
/// <c>Octopus_Action_Say__Output_X</c>). Environment names are case-sensitive; the case is kept.
/// </para>
/// <para>
/// Collisions (<c>A.B</c>, <c>A-B</c> and <c>A_B</c> all give <c>A_B</c>): a variable whose name needs no change
/// wins, so a variable defined as <c>A_B</c> is what <c>$A_B</c> holds; among the others, the name that comes
/// last in ordinal order wins. The losers stay readable through <c>get_octopusvariable</c>.
/// </para>
/// <para>
/// Left out (and readable through the helpers only): values holding NUL, which an environment cannot carry;
/// values longer than <see cref="MaxVariableBytes"/>, which the kernel refuses; and, once the exported variables
/// reach <see cref="MaxTotalBytes"/> in all, each further one that does not fit (in ordinal order of the
/// environment names), so that the step still starts rather than failing with "argument list too long".
/// </para>
/// <para>
/// These are laid over <see cref="Processes.ScriptEnvironment"/>'s minimal set, so a variable named exactly
/// <c>PATH</c> or <c>HOME</c> replaces it, as a variable is expected to.
/// </para>
/// </remarks>
internal static class StepEnvironment
{
    /// <summary>The longest <c>NAME=value</c> exported: 128 KiB (Linux's MAX_ARG_STRLEN) less the terminating NUL.</summary>
    public const int MaxVariableBytes = 128 * 1024 - 1;

    /// <summary>
    /// The most the exported variables may take in all: 1 MiB, half of the 2 MiB Linux allows for arguments and
    /// environment together under the default 8 MiB stack limit, leaving room for the rest.
    /// </summary>
    public const int MaxTotalBytes = 1024 * 1024;

    /// <summary>The environment name for a variable named <paramref name="variableName"/>.</summary>
    public static string Name(string variableName)
    {
        if (IndexOfInvalid(variableName) < 0)
            return variableName;

        return string.Create(variableName.Length, variableName, static (chars, name) =>
        {
            for (var i = 0; i < name.Length; i++)
                chars[i] = IsValid(name[i]) ? name[i] : '_';
        });
    }

    /// <summary>
    /// The environment for <paramref name="variables"/> (name → value), and the names of the variables left out
    /// (see the remarks on <see cref="StepEnvironment"/>), in ordinal order.
    /// </summary>
    public static (Dictionary<string, string> Environment, IReadOnlyList<string> LeftOut) For(IReadOnlyDictionary<string, string> variables)
    {
        // Later entries overwrite earlier ones: unchanged names sort last, then by ordinal name.
        var chosen = new Dictionary<string, (string Variable, string Value)>(variables.Count, StringComparer.Ordinal);
        var leftOut = new List<string>();
        foreach (var (name, value) in variables.OrderBy(v => IndexOfInvalid(v.Key) < 0).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            var environmentName = Name(name);
            if (chosen.TryGetValue(environmentName, out var loser))
                leftOut.Add(loser.Variable);
            chosen[environmentName] = (name, value);
        }

        var environment = new Dictionary<string, string>(chosen.Count, StringComparer.Ordinal);
        var total = 0;
        foreach (var (environmentName, (variable, value)) in chosen.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // NAME=value (names are ASCII here, so their length is their size), then a NUL.
            var entry = environmentName.Length + 1 + Encoding.UTF8.GetByteCount(value);
            if (value.Contains('\0') || entry > MaxVariableBytes || total + entry + 1 > MaxTotalBytes)
            {
                leftOut.Add(variable);
                continue;
            }

            environment[environmentName] = value;
            total += entry + 1;
        }

        leftOut.Sort(StringComparer.Ordinal);
        return (environment, leftOut);
    }

    private static int IndexOfInvalid(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (!IsValid(name[i]))
                return i;
        }
        return -1;
    }

    private static bool IsValid(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
