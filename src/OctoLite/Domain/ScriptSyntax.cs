namespace OctoLite.Domain;

/// <summary>The language of a script step's body (Octopus's Octopus.Action.Script.Syntax).</summary>
internal enum ScriptSyntax
{
    /// <summary>Run by bash (/bin/bash, else bash on the PATH).</summary>
    Bash,

    /// <summary>Run by the POSIX shell /bin/sh (dash on Debian).</summary>
    Sh,

    /// <summary>Run by python3 from the PATH.</summary>
    Python,

    /// <summary>Run by PowerShell 7 (pwsh) from the PATH.</summary>
    PowerShell,
}
