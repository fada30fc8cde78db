using System.Diagnostics.CodeAnalysis;

namespace OctoLite.Scripting.Bootstrap;

/// <summary>What <see cref="ScriptBootstrapper.Prepare"/> produced: the command to run, or why there is none.</summary>
internal sealed class BootstrapResult
{
    private BootstrapResult(IReadOnlyList<string> argv, IReadOnlyList<string> files, string? error)
    {
        Argv = argv;
        Files = files;
        Error = error;
    }

    /// <summary>The interpreter (an absolute path) and its arguments; empty when <see cref="Succeeded"/> is false.</summary>
    public IReadOnlyList<string> Argv { get; }

    /// <summary>
    /// The files written in the working folder (variables, bootstrap, script), all readable by the owner only.
    /// The variables file holds sensitive values in clear: delete these when the step ends.
    /// </summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Why the step cannot run, in words for the task log; null on success.</summary>
    public string? Error { get; }

    /// <summary>Whether <see cref="Argv"/> is ready to run.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>A command ready to run.</summary>
    public static BootstrapResult Ready(IReadOnlyList<string> argv, IReadOnlyList<string> files) => new(argv, files, null);

    /// <summary>No command: <paramref name="error"/> says why. Nothing was written.</summary>
    public static BootstrapResult Failed(string error) => new([], [], error);
}
