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
        // The TUI is a client of the REST API: it reads the API's records (Domain, Server.Api, Server.Tasks) and calls
        // through the CLI's client; TuiNeverReachesIntoTheServer keeps it from the server's insides.
        { "Tui", ["Tui", "Domain", "Cli", "Server"] },
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

    [Fact]
    public void TuiNeverReachesIntoTheServer()
    {
        var tui = Path.Combine(SourceRoot(), "Tui");
        var allowed = new[] { "OctoLite.Server.Api", "OctoLite.Server.Tasks" };
        var violations = Directory.EnumerateFiles(tui, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => ServerReference().Matches(File.ReadAllText(file))
                .Select(m => m.Value)
                .Where(reference => !allowed.Contains(reference, StringComparer.Ordinal))
                .Select(reference => $"{Path.GetRelativePath(tui, file)} uses {reference}"))
            .Concat(Directory.EnumerateFiles(tui, "*.cs", SearchOption.AllDirectories)
                .Where(file => File.ReadAllText(file).Contains("OctoLiteServer", StringComparison.Ordinal) || File.ReadAllText(file).Contains("OctoLite.Storage", StringComparison.Ordinal))
                .Select(file => $"{Path.GetRelativePath(tui, file)} uses the server or its store in-process"))
            .ToList();

        Assert.Empty(violations);
    }

    [GeneratedRegex(@"OctoLite\.Server\.\w+")]
    private static partial Regex ServerReference();

    private static string SourceRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src", "OctoLite"));

    [GeneratedRegex(@"^using (?:static )?OctoLite\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
