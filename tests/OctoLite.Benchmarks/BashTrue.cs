namespace OctoLite.Benchmarks;

/// <summary>The baseline of the time measures: <c>bash -c true</c>, a process that starts and does nothing.</summary>
internal static class BashTrue
{
    public static readonly string[] Arguments = ["-c", "true"];

    /// <summary>bash's full path, found once, so no run of the baseline pays for a PATH search that the binary's runs do not.</summary>
    public static string Path() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "bash"))
            .FirstOrDefault(File.Exists)
        ?? throw new MeasurementException("bash is not on PATH; the baseline is `bash -c true`.");
}
