using OctoLite.Domain;
using OctoLite.Scripting.Bootstrap;
using static OctoLite.Tests.Scripting.Bootstrap.EncodedText;

namespace OctoLite.Tests.Scripting.Bootstrap;

/// <summary>A script per syntax that calls every helper, and what all of them must print.</summary>
internal static class HelperScripts
{
    public const string Missing = "No.Such.Variable";

    /// <summary>Names without single quotes (the scripts quote them so); values with everything else.</summary>
    public static readonly Dictionary<string, string> Variables = new()
    {
        ["Simple"] = "plain",
        ["Octopus.Action[Step 1].Output.X"] = "value with spaces",
        ["Quotes"] = "it's \"quoted\" `tick` $HOME \\back\\ 100%s",
        ["Multi.Line"] = "line one\nline two\n\tindented",
        ["Unicode"] = "héllo wörld — 日本語 😀",
        ["Name with spaces"] = "x",
        ["Dash"] = "-n",
        ["Empty"] = "",
        ["Octopus.Action.Script.SuppressEnvironmentLogging"] = "True",
    };

    public static string For(ScriptSyntax syntax) => syntax switch
    {
        ScriptSyntax.Bash or ScriptSyntax.Sh => Shell,
        ScriptSyntax.Python => Python,
        ScriptSyntax.PowerShell => PowerShell,
        _ => throw new ArgumentOutOfRangeException(nameof(syntax)),
    };

    public static int FailStepExitCode(ScriptSyntax syntax) => syntax is ScriptSyntax.Bash or ScriptSyntax.Sh ? 1 : 255;

    /// <summary>The lines after "---": one per helper call, in order.</summary>
    public static string[] ExpectedAfterMarker(string folder)
    {
        var artifact = Path.Combine(folder, "artifact.txt");
        return
        [
            $"##octopus[setVariable name='{B64("Out.Plain")}' value='{B64("v 1")}']",
            $"##octopus[setVariable name='{B64("Out.Secret")}' value='{B64("s3cr'et")}' sensitive='{B64("True")}']",
            "##octopus[stdout-verbose]",
            $"Collecting {artifact} as artifact artifact.txt",
            "##octopus[stdout-default]",
            $"##octopus[createArtifact path='{B64(artifact)}' name='{B64("artifact.txt")}' length='{B64("5")}']",
            "##octopus[stdout-verbose]",
            $"Collecting {artifact} as artifact Custom name.txt",
            "##octopus[stdout-default]",
            $"##octopus[createArtifact path='{B64(artifact)}' name='{B64("Custom name.txt")}' length='{B64("5")}']",
            "##octopus[stdout-verbose]", "verbose text", "##octopus[stdout-default]",
            "##octopus[stdout-highlight]", "highlight text", "##octopus[stdout-default]",
            "##octopus[stdout-warning]", "warning text", "##octopus[stdout-default]",
            "##octopus[stdout-wait]", "wait text", "##octopus[stdout-default]",
            $"##octopus[progress percentage='{B64("50")}' message='{B64("half way")}']",
            $"##octopus[resultMessage message='{B64("it broke")}']",
        ];
    }

    private static IEnumerable<string> EchoEach(Func<string, string> line) => Variables.Keys.Append(Missing).Select(line);

    private static string Shell => string.Join('\n', [
        .. EchoEach(name => $"set_octopusvariable 'Echo.{name}' \"$(get_octopusvariable '{name}')\""),
        "echo ---",
        "set_octopusvariable Out.Plain 'v 1'",
        "set_octopusvariable Out.Secret \"s3cr'et\" -sensitive",
        "printf hello > artifact.txt",
        "new_octopusartifact artifact.txt",
        "new_octopusartifact ./artifact.txt 'Custom name.txt'",
        "write_verbose verbose text",
        "write_highlight 'highlight text'",
        "write_warning 'warning text'",
        "write_wait 'wait text'",
        "update_progress 50 'half way'",
        "fail_step 'it broke'",
        "echo never",
    ]);

    private static string Python => string.Join('\n', [
        .. EchoEach(name => $"set_octopusvariable('Echo.{name}', get_octopusvariable('{name}'))"),
        "print('---')",
        "set_octopusvariable('Out.Plain', 'v 1')",
        "set_octopusvariable('Out.Secret', \"s3cr'et\", True)",
        "with open('artifact.txt', 'w') as f: f.write('hello')",
        "createartifact('artifact.txt')",
        "new_octopusartifact('./artifact.txt', 'Custom name.txt')",
        "printverbose('verbose text')",
        "printhighlight('highlight text')",
        "printwarning('warning text')",
        "printwait('wait text')",
        "updateprogress(50, 'half way')",
        "failstep('it broke')",
        "print('never')",
    ]);

    private static string PowerShell => string.Join('\n', [
        .. EchoEach(name => $"Set-OctopusVariable 'Echo.{name}' $OctopusParameters['{name}']"),
        "Write-Host '---'",
        "Set-OctopusVariable -name 'Out.Plain' -value 'v 1'",
        "Set-OctopusVariable 'Out.Secret' \"s3cr'et\" -sensitive",
        "Set-Content -Path artifact.txt -Value 'hello' -NoNewline",
        "New-OctopusArtifact artifact.txt",
        "New-OctopusArtifact ./artifact.txt 'Custom name.txt'",
        "Write-Verbose 'verbose text'",
        "Write-Highlight 'highlight text'",
        "Write-Warning 'warning text'",
        "Write-Wait 'wait text'",
        "Update-Progress 50 'half way'",
        "Fail-Step 'it broke'",
        "Write-Host 'never'",
    ]);
}
