namespace OctoLite.Benchmarks;

/// <summary>
/// Runs <c>octolite tentacle …</c> verbs of the measured binary for the dispatch scenario. Every verb and agent gets
/// <c>OCTOLITE_TENTACLE_CONFIG_DIR</c> pointing into the scenario's scratch dir, so the instance list is written
/// there, never to the user's config, and starts in an empty working directory (see <see cref="TaskServer"/>).
/// </summary>
internal sealed class TentacleVerbs(string binary, ScratchDirectory scratch)
{
    private const string ConfigDirVariable = "OCTOLITE_TENTACLE_CONFIG_DIR";

    private readonly Dictionary<string, string> _environment = new() { [ConfigDirVariable] = scratch.PathOf("tentacle-config") };
    private readonly string _workingDirectory = scratch.CreateWorkingDirectory();

    /// <summary>A home for an instance inside the scratch dir (not created: <c>create-instance</c> does that).</summary>
    public string HomeOf(string instance) => scratch.PathOf($"tentacle-{instance}");

    /// <summary>Runs one verb to completion; any exit but 0 is a failed measurement quoting what it said.</summary>
    public async Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = RunningProcess.Start(binary, ["tentacle", .. arguments], _workingDirectory, _environment);
        var exitCode = await process.WaitForExitAsync(Timeouts.Command, cancellationToken);
        if (exitCode != 0)
        {
            throw new MeasurementException($"`{process.CommandLine}` exited {exitCode}. Its last output:\n{process.Output}");
        }
    }

    /// <summary>Starts <c>tentacle run --home HOME</c>, the agent, which runs until SIGTERM.</summary>
    public RunningProcess StartAgent(string home) =>
        RunningProcess.Start(binary, ["tentacle", "run", "--home", home], _workingDirectory, _environment);
}
