<#
.SYNOPSIS
  Publishes OctoLite as one native-AOT executable: artifacts/<runtime>/octolite.

.DESCRIPTION
  Runs the Cake build's Publish target (build/build.cake), the same one as
  `dotnet cake build/build.cake --target=Publish`, then prints the path and size of the binary.
  Exits non-zero when the publish fails or the binary is missing.

  dotnet tool restore
  dotnet tool run pwsh -NoProfile -File publish.ps1 [-Runtime linux-x64] [-Configuration Release]
#>
[CmdletBinding()]
param(
    [string] $Runtime = 'linux-x64',
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
Push-Location $root
try {
    & dotnet tool run dotnet-cake build/build.cake --target=Publish "--runtime=$Runtime" "--configuration=$Configuration"
    $cakeExit = $LASTEXITCODE
    if ($cakeExit -ne 0) {
        [Console]::Error.WriteLine("publish.ps1: Cake Publish target failed (exit code $cakeExit).")
        exit $(if ($cakeExit -gt 0) { $cakeExit } else { 1 })
    }

    $exeName = if ($Runtime -like 'win*') { 'octolite.exe' } else { 'octolite' }
    $binary = Join-Path $root 'artifacts' $Runtime $exeName
    if (-not (Test-Path -LiteralPath $binary -PathType Leaf)) {
        [Console]::Error.WriteLine("publish.ps1: expected binary not found: $binary")
        exit 1
    }

    $size = (Get-Item -LiteralPath $binary).Length
    $mib = [math]::Round($size / 1MB, 1)
    Write-Output "Published: $binary"
    Write-Output "Size: $size bytes ($mib MiB)"
    exit 0
}
catch {
    [Console]::Error.WriteLine("publish.ps1: $($_.Exception.Message)")
    exit 1
}
finally {
    Pop-Location
}
