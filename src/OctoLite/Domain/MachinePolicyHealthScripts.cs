namespace OctoLite.Domain;

/// <summary>
/// The health scripts a machine policy starts with, one per <see cref="ScriptSyntax"/>. Each does on the worker what
/// the server used to do itself: it prints the free space of the filesystem holding its working folder and writes a
/// warning (a <c>##octopus[stdout-warning]</c> line, which makes the check HasWarnings) when that is under the
/// variable <c>Octopus.MachinePolicy.DiskSpaceWarningThresholdMb</c> (the policy's threshold, read when the check
/// runs, so changing the threshold needs no script edit; 0 turns the check off).
/// </summary>
/// <remarks>
/// The texts are compared, not only stored: a policy whose script is one syntax's default and whose syntax is changed
/// gets the new syntax's default (see <see cref="ForSyntax"/>). Changing a text here therefore leaves policies holding
/// the old text with a script of their own, as edited scripts are; a migration may rewrite them if that matters.
/// </remarks>
internal static class MachinePolicyHealthScripts
{
    /// <summary>POSIX sh, so that it serves both Bash and Sh. <c>df -P</c> keeps a long device name from wrapping the line.</summary>
    public const string Shell = """
        # OctoLite's default health check: free space of this working folder's filesystem, against the machine
        # policy's DiskSpaceWarningThresholdMb (0 turns the disk check off). Edit it with `octolite policy update`.
        threshold_mb=$(get_octopusvariable "Octopus.MachinePolicy.DiskSpaceWarningThresholdMb")
        free_kb=$(df -P -k . | awk 'NR == 2 { print $4 }')
        case "$free_kb" in
            ''|*[!0-9]*)
                write_warning "Could not tell how much disk space is free in $(pwd) (df -P -k . gave '$free_kb')."
                exit 0
                ;;
        esac
        echo "Free disk space: $((free_kb / 1024)) MB in $(pwd)"
        if [ "${threshold_mb:-0}" -gt 0 ] && [ "$free_kb" -lt $((threshold_mb * 1024)) ]; then
            write_warning "Free disk space is $((free_kb / 1024)) MB, under the machine policy's warning threshold of $threshold_mb MB."
        fi
        """;

    public const string PowerShell = """
        # OctoLite's default health check: free space of this working folder's filesystem, against the machine
        # policy's DiskSpaceWarningThresholdMb (0 turns the disk check off). Edit it with `octolite policy update`.
        $thresholdMb = [long]$OctopusParameters['Octopus.MachinePolicy.DiskSpaceWarningThresholdMb']
        $folder = (Get-Location).ProviderPath
        $freeBytes = ([System.IO.DriveInfo]::new($folder)).AvailableFreeSpace
        $freeMb = [math]::Floor($freeBytes / 1MB)
        Write-Host "Free disk space: $freeMb MB in $folder"
        if ($thresholdMb -gt 0 -and $freeBytes -lt $thresholdMb * 1MB) {
            Write-Warning "Free disk space is $freeMb MB, under the machine policy's warning threshold of $thresholdMb MB."
        }
        """;

    public const string Python = """
        # OctoLite's default health check: free space of this working folder's filesystem, against the machine
        # policy's DiskSpaceWarningThresholdMb (0 turns the disk check off). Edit it with `octolite policy update`.
        import os
        import shutil

        threshold_mb = int(get_octopusvariable('Octopus.MachinePolicy.DiskSpaceWarningThresholdMb') or '0')
        folder = os.getcwd()
        free_bytes = shutil.disk_usage(folder).free
        free_mb = free_bytes // (1024 * 1024)
        print('Free disk space: %d MB in %s' % (free_mb, folder))
        if threshold_mb > 0 and free_bytes < threshold_mb * 1024 * 1024:
            printwarning("Free disk space is %d MB, under the machine policy's warning threshold of %d MB." % (free_mb, threshold_mb))
        """;

    /// <summary>The default script for <paramref name="syntax"/>.</summary>
    public static string For(ScriptSyntax syntax) => syntax switch
    {
        ScriptSyntax.PowerShell => PowerShell,
        ScriptSyntax.Python => Python,
        _ => Shell,
    };

    /// <summary>Whether <paramref name="script"/> is one of the default scripts, as stored (line endings aside).</summary>
    public static bool IsDefault(string script)
    {
        var normalized = script.ReplaceLineEndings("\n");
        return normalized == Shell || normalized == PowerShell || normalized == Python;
    }

    /// <summary>
    /// <paramref name="script"/> for a policy in <paramref name="syntax"/>: a default script written for another
    /// syntax becomes <paramref name="syntax"/>'s default; any other script is kept as it is.
    /// </summary>
    public static string ForSyntax(string script, ScriptSyntax syntax) => IsDefault(script) ? For(syntax) : script;
}
