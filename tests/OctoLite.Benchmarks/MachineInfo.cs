namespace OctoLite.Benchmarks;

/// <summary>The machine the numbers were taken on, so results from different machines are not compared blindly.</summary>
/// <param name="Processors">What <c>nproc</c> prints (processors available to this process).</param>
/// <param name="CpuModel">The first "model name" of /proc/cpuinfo.</param>
/// <param name="MemoryKb">MemTotal of /proc/meminfo, in KiB.</param>
/// <param name="Kernel">What <c>uname -r</c> prints.</param>
internal sealed record MachineInfo(string Processors, string CpuModel, long MemoryKb, string Kernel)
{
    public static async Task<MachineInfo> ReadAsync(CancellationToken cancellationToken) => new(
        await OutputOfAsync("nproc", [], cancellationToken),
        Field("/proc/cpuinfo", "model name") ?? "unknown CPU",
        Format.ParseKb(Field("/proc/meminfo", "MemTotal") ?? "0 kB"),
        await OutputOfAsync("uname", ["-r"], cancellationToken));

    /// <summary>"2 × AMD EPYC, 23.5 GB RAM".</summary>
    public string Describe() => $"{Processors} × {CpuModel}, {Format.Gigabytes(MemoryKb)} RAM";

    private static async Task<string> OutputOfAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = RunningProcess.Start(fileName, arguments);
        var exitCode = await process.WaitForExitAsync(Timeouts.Command, cancellationToken);
        return exitCode == 0
            ? process.StandardOutput.Trim()
            : throw new MeasurementException($"`{process.CommandLine}` exited {exitCode}: {process.Output}");
    }

    /// <summary>The value of the first "key : value" line of a /proc file with that key.</summary>
    private static string? Field(string path, string key) =>
        File.ReadLines(path)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
}
