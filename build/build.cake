// OctoLite build script (Cake, run as a local dotnet tool).
//
//   dotnet tool restore
//   dotnet cake build/build.cake --target=Publish [--runtime=linux-x64] [--configuration=Release]
//
// Targets: Clean, Build, Test, Publish, Bench; Default = Test.
// The release is ONE file: artifacts/<rid>/octolite. The native-AOT publish output (with the
// octolite.dbg symbols) stays in artifacts/publish/<rid>.

var target = Argument("target", "Default");
var runtime = Argument("runtime", "linux-x64");
var configuration = Argument("configuration", "Release");

// Cake's working directory is the script's folder (build/); the repository root is its parent.
var root = MakeAbsolute(Directory(".."));
if (!FileExists(root.CombineWithFilePath("OctoLite.sln")))
{
    throw new Exception($"OctoLite.sln not found in {root}: run build/build.cake from the repository.");
}

var solution = root.CombineWithFilePath("OctoLite.sln");
var project = root.CombineWithFilePath("src/OctoLite/OctoLite.csproj");
var artifacts = root.Combine("artifacts");
var publishDir = artifacts.Combine("publish").Combine(runtime);
var releaseDir = artifacts.Combine(runtime);

var isWindowsRid = runtime.StartsWith("win", StringComparison.OrdinalIgnoreCase);
var isMacRid = runtime.StartsWith("osx", StringComparison.OrdinalIgnoreCase);
var exeName = isWindowsRid ? "octolite.exe" : "octolite";
// What a native-AOT publish of OctoLite may leave in its folder: the executable and its symbols.
var allowedInPublish = new HashSet<string>(StringComparer.Ordinal)
{
    exeName,
    isWindowsRid ? "octolite.pdb" : isMacRid ? "octolite.dSYM" : "octolite.dbg",
};

Setup(ctx =>
{
    Information($"OctoLite build: target={target} runtime={runtime} configuration={configuration} root={root}");
});

Task("Clean")
    .Does(() =>
{
    foreach (var dir in new[] { publishDir, releaseDir, artifacts.Combine("test-results") })
    {
        if (DirectoryExists(dir))
        {
            Information($"Deleting {dir}");
            DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    }
    DotNetClean(solution.FullPath, new DotNetCleanSettings
    {
        Configuration = configuration,
        WorkingDirectory = root,
    });
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
        WorkingDirectory = root,
    });
});

// Same as the README's test command (plain `dotnet test` at the repository root). A configuration is
// passed only when one was asked for on the command line.
Task("Test")
    .Does(() =>
{
    var settings = new DotNetTestSettings { WorkingDirectory = root };
    if (HasArgument("configuration"))
    {
        settings.Configuration = configuration;
    }
    DotNetTest(solution.FullPath, settings);
});

Task("Publish")
    .Does(() =>
{
    // Fresh folders, so that a file left by an earlier publish can neither hide nor fake a result.
    foreach (var dir in new[] { publishDir, releaseDir })
    {
        if (DirectoryExists(dir))
        {
            DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    }

    DotNetPublish(project.FullPath, new DotNetPublishSettings
    {
        Configuration = configuration,
        Runtime = runtime,
        OutputDirectory = publishDir,
        WorkingDirectory = root,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishAot", "true"),
    });

    // The publish folder must hold the executable and its symbols, nothing else (no native .so etc.).
    var publishPath = publishDir.FullPath;
    var entries = System.IO.Directory.GetFileSystemEntries(publishPath)
        .Select(p => System.IO.Path.GetFileName(p))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();
    var unexpected = entries.Where(n => !allowedInPublish.Contains(n)).ToList();
    if (unexpected.Count > 0)
    {
        throw new Exception(
            $"Publish produced more than one executable (+ symbols) in {publishPath}; unexpected: "
            + string.Join(", ", unexpected)
            + $". Everything there: {string.Join(", ", entries)}");
    }

    var builtExe = publishDir.CombineWithFilePath(exeName);
    if (!FileExists(builtExe))
    {
        throw new Exception($"Publish did not produce {builtExe}. Folder holds: {string.Join(", ", entries)}");
    }

    // The release folder holds the executable alone.
    CreateDirectory(releaseDir);
    var releaseExe = releaseDir.CombineWithFilePath(exeName);
    CopyFile(builtExe, releaseExe);
    if (!IsRunningOnWindows())
    {
        System.IO.File.SetUnixFileMode(releaseExe.FullPath,
            System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite | System.IO.UnixFileMode.UserExecute
            | System.IO.UnixFileMode.GroupRead | System.IO.UnixFileMode.GroupExecute
            | System.IO.UnixFileMode.OtherRead | System.IO.UnixFileMode.OtherExecute);
    }

    var size = new System.IO.FileInfo(releaseExe.FullPath).Length;
    Information($"Release binary: {releaseExe} ({size} bytes, {size / (1024.0 * 1024.0):F1} MiB)");
    Information($"Publish folder (with symbols): {publishDir}");
});

Task("Bench")
    .IsDependentOn("Publish")
    .Does(() =>
{
    // Relative paths from the repository root, so that what the benchmarks write stays portable.
    var binary = root.GetRelativePath(releaseDir.CombineWithFilePath(exeName)).FullPath;
    DotNetRun(root.CombineWithFilePath("tests/OctoLite.Benchmarks/OctoLite.Benchmarks.csproj").FullPath,
        new ProcessArgumentBuilder()
            .Append("--binary").AppendQuoted(binary)
            .Append("--out").AppendQuoted("docs/benchmarks.md"),
        new DotNetRunSettings
        {
            Configuration = "Release",
            WorkingDirectory = root,
        });
});

Task("Default")
    .IsDependentOn("Test");

RunTarget(target);
