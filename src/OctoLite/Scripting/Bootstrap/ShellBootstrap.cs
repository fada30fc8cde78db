namespace OctoLite.Scripting.Bootstrap;

/// <summary>
/// The bootstrap for bash and sh steps: one POSIX sh file (bash runs it too) that defines the Octopus helper
/// functions and then sources the step's script in the same shell.
/// </summary>
/// <remarks>
/// Helpers: <c>get_octopusvariable NAME</c> (prints the value without a trailing newline; nothing when missing;
/// names are case-sensitive), <c>set_octopusvariable NAME VALUE [-sensitive]</c>,
/// <c>new_octopusartifact PATH [NAME]</c> (fails the step with exit 1 when PATH is not a file, as Octopus does),
/// <c>fail_step [MESSAGE]</c> (a resultMessage service message when MESSAGE is given, then <c>exit 1</c>),
/// <c>write_verbose</c>, <c>write_highlight</c>, <c>write_wait</c>, <c>write_warning</c> (all their arguments,
/// joined by spaces), <c>update_progress PERCENT [MESSAGE]</c>. They need <c>base64</c> (coreutils) and <c>grep</c>.
/// No <c>set -e</c> is added: as in Octopus, the script's own exit code decides the step. Command substitution
/// drops trailing newlines, so <c>$(get_octopusvariable X)</c> loses those of the value; <c>exit</c> in
/// <c>fail_step</c> only ends a subshell when called inside <c>$( )</c> or a pipeline.
/// </remarks>
internal static class ShellBootstrap
{
    /// <summary>Writes the bootstrap and script files; returns the argv.</summary>
    public static IReadOnlyList<string> Write(string interpreter, BootstrapFiles files, string scriptBody)
    {
        PrivateFile.Write(files.Script, LineEndings.ToUnix(scriptBody));
        PrivateFile.Write(files.Bootstrap, $"__octolite_variables={ShellQuote.Single(files.Variables)}\n{Helpers}\n. {ShellQuote.Single(files.Script)}\n");
        return [interpreter, files.Bootstrap];
    }

    private const string Helpers = """
        # OctoLite step bootstrap (POSIX sh; bash runs it too), written for one step.
        # It defines the Octopus helper functions, then sources the step's script in this shell: the script's
        # exit code is the step's. Helper state lives in variables named __octolite_*.

        __octolite_b64() {
            printf '%s' "$1" | base64 -w0
        }

        __octolite_block() {
            printf '##octopus[stdout-%s]\n' "$1"
            shift
            printf '%s\n' "$*"
            printf '##octopus[stdout-default]\n'
        }

        # grep, not a read loop: sh reads a byte per system call, which costs 100 ms per lookup among 3,000 variables.
        # Base64 has no character special to a basic regular expression ('+' is literal there).
        get_octopusvariable() {
            __octolite_wanted=$(__octolite_b64 "${1-}")
            __octolite_line=$(grep -m 1 -e "^$__octolite_wanted " "$__octolite_variables") || return 0
            printf '%s' "${__octolite_line#* }" | base64 -d
        }

        set_octopusvariable() {
            __octolite_message="##octopus[setVariable name='$(__octolite_b64 "${1-}")' value='$(__octolite_b64 "${2-}")'"
            if [ "${3-}" = "-sensitive" ]; then
                __octolite_message="$__octolite_message sensitive='$(__octolite_b64 True)'"
            fi
            printf '%s]\n' "$__octolite_message"
        }

        new_octopusartifact() {
            if [ ! -f "${1-}" ]; then
                printf 'new_octopusartifact: "%s" is not a file.\n' "${1-}" >&2
                exit 1
            fi
            __octolite_path="$(CDPATH='' cd -- "$(dirname -- "$1")" && pwd -P)/$(basename -- "$1")"
            __octolite_name=${2:-$(basename -- "$1")}
            __octolite_length=$(wc -c < "$1" | tr -d ' ')
            __octolite_block verbose "Collecting $__octolite_path as artifact $__octolite_name"
            printf "##octopus[createArtifact path='%s' name='%s' length='%s']\n" \
                "$(__octolite_b64 "$__octolite_path")" "$(__octolite_b64 "$__octolite_name")" "$(__octolite_b64 "$__octolite_length")"
        }

        fail_step() {
            if [ -n "${1-}" ]; then
                printf "##octopus[resultMessage message='%s']\n" "$(__octolite_b64 "$1")"
            fi
            exit 1
        }

        update_progress() {
            printf "##octopus[progress percentage='%s' message='%s']\n" "$(__octolite_b64 "${1-}")" "$(__octolite_b64 "${2-}")"
        }

        write_verbose() { __octolite_block verbose "$@"; }
        write_highlight() { __octolite_block highlight "$@"; }
        write_wait() { __octolite_block wait "$@"; }
        write_warning() { __octolite_block warning "$@"; }
        """;
}
