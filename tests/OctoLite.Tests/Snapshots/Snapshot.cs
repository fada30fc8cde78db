using System.Runtime.CompilerServices;
using System.Text;
using ApprovalTests;
using ApprovalTests.Core;

namespace OctoLite.Tests.Snapshots;

/// <summary>
/// Text snapshots on ApprovalTests 7.0.0, set up so they behave the same on a laptop, under
/// <c>dotnet test</c> from any folder, and headless in CI:
/// <list type="bullet">
/// <item>The approved file is <c>&lt;TestFile&gt;.&lt;TestMethod&gt;.approved.txt</c> beside the test's source file,
/// found through <see cref="CallerFilePathAttribute"/> (not the working directory, not the stack trace).</item>
/// <item>A mismatch never opens a diff tool: <see cref="FailWithDiffReporter"/> is passed explicitly, so neither
/// ApprovalTests' CI "front-loaded" reporters nor its default reporter get a say. The test fails with a line diff
/// and the command that accepts the new output.</item>
/// <item>Files are UTF-8 without a BOM with LF line endings; the <c>.received.txt</c> file is deleted when the
/// snapshot matches and kept (git-ignored) when it does not.</item>
/// </list>
/// </summary>
internal static class Snapshot
{
    /// <summary>Where the snapshots live, relative to the repository root (used only when the compiler's source paths are mapped).</summary>
    private const string FolderInRepository = "tests/OctoLite.Tests/Snapshots";

    public static void Verify(string text, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testName = "")
    {
        var namer = new SourceFileNamer(FolderOf(sourceFile), $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testName}");
        Approvals.SetCaller();
        Approvals.Verify(new LfTextWriter(text), namer, FailWithDiffReporter.Instance);
    }

    /// <summary>Runs <paramref name="render"/> against a string writer and returns what it wrote.</summary>
    public static string Render(Action<TextWriter> render)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        render(writer);
        return writer.ToString();
    }

    private static string FolderOf(string sourceFile)
    {
        var folder = Path.GetDirectoryName(sourceFile);
        if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
        {
            return folder;
        }

        // A build with mapped source paths (ContinuousIntegrationBuild, -pathmap) records "/_/tests/..." as the
        // caller's file: look for the folder above the test binaries instead.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FolderInRepository);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the snapshot folder: the compiler recorded '{sourceFile}' as the test's source file and no " +
            $"'{FolderInRepository}' folder lies above '{AppContext.BaseDirectory}'.");
    }

    private sealed class SourceFileNamer(string sourcePath, string name) : IApprovalNamer
    {
        public string SourcePath { get; } = sourcePath;
        public string Name { get; } = name;
    }

    /// <summary>Writes the received file as UTF-8 without a BOM, with LF line endings.</summary>
    private sealed class LfTextWriter(string text) : IApprovalWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
        private readonly string _text = text.ReplaceLineEndings("\n");

        public string GetApprovalFilename(string basename) => basename + ".approved.txt";

        public string GetReceivedFilename(string basename) => basename + ".received.txt";

        public string WriteReceivedFile(string received)
        {
            File.WriteAllText(received, _text, Utf8NoBom);
            return received;
        }
    }
}
