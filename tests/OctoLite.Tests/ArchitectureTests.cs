using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace OctoLite.Tests;

/// <summary>Dependencies point inward (STYLE.md): each folder may only use the namespaces listed for it.</summary>
public sealed partial class ArchitectureTests
{
    public static TheoryData<string, string[]> Rules => new()
    {
        { "Domain", [] },
        { "Storage", ["Domain"] },
        { "Hosting", [] },
        { "Server", ["Domain", "Storage", "Hosting", "Server", "Scripting", "Tentacle", "Workers"] },
        { "Workers", ["Domain", "Hosting", "Scripting", "Tentacle", "Workers"] },
        { "Tentacle", ["Domain", "Hosting", "Scripting", "Tentacle"] },
        { "Scripting", ["Domain", "Scripting"] },
        { "Tui", ["Tui"] },
        { "Cli", ["Cli", "Domain", "Hosting", "Server", "Tentacle", "Tui"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Folder_UsesOnlyAllowedNamespaces(string folder, string[] allowed)
    {
        var root = Path.Combine(SourceRoot(), folder);
        var violations = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => UsingPattern().Matches(File.ReadAllText(file))
                .Select(m => m.Groups[1].Value)
                .Where(ns => ns != folder && !allowed.Contains(ns))
                .Select(ns => $"{Path.GetRelativePath(root, file)} uses OctoLite.{ns}"))
            .ToList();

        Assert.True(Directory.Exists(root), $"missing folder {root}");
        Assert.Empty(violations);
    }

    [Fact]
    public void CliOnlyStartsTheServerFromServerVerbsAndTheShell()
    {
        var cli = Path.Combine(SourceRoot(), "Cli");
        var users = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("OctoLiteServer.StartAsync", StringComparison.Ordinal) || File.ReadAllText(f).Contains("using OctoLite.Storage", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(cli, f))
            .Order()
            .ToList();

        Assert.Equal([Path.Combine("ServerVerbs", "ServerRunCommand.cs")], users);
    }

    private static string SourceRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src", "OctoLite"));

    [GeneratedRegex(@"^using (?:static )?OctoLite\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
