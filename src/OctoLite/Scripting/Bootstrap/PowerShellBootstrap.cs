namespace OctoLite.Scripting.Bootstrap;

/// <summary>
/// The bootstrap for PowerShell steps: a pwsh script that defines the Octopus helpers and
/// <c>$OctopusParameters</c>, then dot-sources the step's script with <c>$ErrorActionPreference = 'Stop'</c>.
/// As in Octopus, an uncaught error ends the step with exit code 1 (the error on stderr), <c>exit N</c> ends it
/// with N, and otherwise the step ends with <c>$LASTEXITCODE</c> of the last native command (0 if none ran).
/// </summary>
/// <remarks>
/// <c>$OctopusParameters</c> is a <c>Dictionary[string,string]</c> ignoring case, as in Octopus; a missing name
/// gives $null. Helpers: <c>Set-OctopusVariable -name -value [-sensitive]</c>,
/// <c>New-OctopusArtifact [-FullPath|-Path] [-Name]</c> (also from the pipeline), <c>Fail-Step [message]</c>
/// (<c>exit -1</c>: exit code 255, as in Calamari), <c>Update-Progress -Percentage [-Message]</c>, and
/// <c>Write-Verbose</c>, <c>Write-Highlight</c>, <c>Write-Wait</c>, <c>Write-Warning</c>, which replace the
/// built-in cmdlets so their text lands in the task log at that level.
/// </remarks>
internal static class PowerShellBootstrap
{
    /// <summary>Writes the bootstrap and script files; returns the argv.</summary>
    public static IReadOnlyList<string> Write(string interpreter, BootstrapFiles files, string scriptBody)
    {
        PrivateFile.Write(files.Script, scriptBody);
        PrivateFile.Write(files.Bootstrap, Source(VariablesFile.Encode(files.Variables), VariablesFile.Encode(files.Script)));
        return [interpreter, "-NoLogo", "-NoProfile", "-NonInteractive", "-File", files.Bootstrap];
    }

    // Paths travel base64-encoded: PowerShell treats typographic quotes as quotes too, so escaping is a trap.
    private static string Source(string variablesPath, string scriptPath) => $$"""
        # OctoLite step bootstrap for PowerShell, written for one step.
        # It defines the Octopus helpers and $OctopusParameters, then dot-sources the step's script.
        $ErrorActionPreference = 'Stop'

        function ConvertFrom-OctoLiteBase64([string]$encoded) {
            [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($encoded))
        }

        function ConvertTo-OctoLiteBase64([string]$text) {
            [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($text))
        }

        $OctopusParameters = New-Object 'System.Collections.Generic.Dictionary[String,String]' (,[System.StringComparer]::OrdinalIgnoreCase)
        foreach ($__octoliteLine in [System.IO.File]::ReadAllLines((ConvertFrom-OctoLiteBase64 '{{variablesPath}}'))) {
            $__octoliteParts = $__octoliteLine.Split(' ')
            $OctopusParameters[(ConvertFrom-OctoLiteBase64 $__octoliteParts[0])] = ConvertFrom-OctoLiteBase64 $__octoliteParts[1]
        }

        function Set-OctopusVariable([string]$name, [string]$value, [switch]$sensitive) {
            $message = "##octopus[setVariable name='$(ConvertTo-OctoLiteBase64 $name)' value='$(ConvertTo-OctoLiteBase64 $value)'"
            if ($sensitive) {
                $message += " sensitive='$(ConvertTo-OctoLiteBase64 'True')'"
            }
            Write-Host "$message]"
        }

        function New-OctopusArtifact {
            [CmdletBinding()]
            param(
                [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
                [Alias('FullName', 'Path')]
                [string]$FullPath,
                [Parameter(Position = 1)]
                [string]$Name
            )
            process {
                $resolved = [System.IO.Path]::GetFullPath($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($FullPath))
                $artifactName = if ($Name) { $Name } else { [System.IO.Path]::GetFileName($resolved) }
                $length = if (Test-Path -LiteralPath $resolved -PathType Leaf) { (Get-Item -LiteralPath $resolved).Length } else { 0 }
                Write-Verbose "Collecting $resolved as artifact $artifactName"
                Write-Host "##octopus[createArtifact path='$(ConvertTo-OctoLiteBase64 $resolved)' name='$(ConvertTo-OctoLiteBase64 $artifactName)' length='$(ConvertTo-OctoLiteBase64 $length)']"
            }
        }

        function Fail-Step([string]$message) {
            if ($message) {
                Write-Host "##octopus[resultMessage message='$(ConvertTo-OctoLiteBase64 $message)']"
            }
            exit -1
        }

        function Update-Progress {
            [CmdletBinding()]
            param(
                [Parameter(Position = 0)][int]$Percentage,
                [Parameter(Position = 1, ValueFromPipeline = $true)][string]$Message
            )
            process {
                Write-Host "##octopus[progress percentage='$(ConvertTo-OctoLiteBase64 $Percentage)' message='$(ConvertTo-OctoLiteBase64 $Message)']"
            }
        }

        function Write-Verbose {
            [CmdletBinding()]
            param([Parameter(Position = 0, ValueFromPipeline = $true)][string]$Message)
            begin { Write-Host '##octopus[stdout-verbose]' }
            process { Write-Host $Message }
            end { Write-Host '##octopus[stdout-default]' }
        }

        function Write-Highlight {
            [CmdletBinding()]
            param([Parameter(Position = 0, ValueFromPipeline = $true)][string]$Message)
            begin { Write-Host '##octopus[stdout-highlight]' }
            process { Write-Host $Message }
            end { Write-Host '##octopus[stdout-default]' }
        }

        function Write-Wait {
            [CmdletBinding()]
            param([Parameter(Position = 0, ValueFromPipeline = $true)][string]$Message)
            begin { Write-Host '##octopus[stdout-wait]' }
            process { Write-Host $Message }
            end { Write-Host '##octopus[stdout-default]' }
        }

        function Write-Warning {
            [CmdletBinding()]
            param([Parameter(Position = 0, ValueFromPipeline = $true)][string]$Message)
            begin { Write-Host '##octopus[stdout-warning]' }
            process {
                if ($WarningPreference -ne 'SilentlyContinue') {
                    Write-Host $Message
                }
            }
            end { Write-Host '##octopus[stdout-default]' }
        }

        $__octoliteScript = ConvertFrom-OctoLiteBase64 '{{scriptPath}}'
        try {
            . $__octoliteScript
        }
        catch {
            [System.Console]::Error.WriteLine("$($_.CategoryInfo.Category): $($_.Exception.Message)")
            [System.Console]::Error.WriteLine($_.InvocationInfo.PositionMessage)
            [System.Console]::Error.WriteLine($_.ScriptStackTrace)
            exit 1
        }

        if (Test-Path variable:global:LASTEXITCODE) {
            exit $global:LASTEXITCODE
        }
        exit 0

        """;
}
