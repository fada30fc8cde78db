using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>The command line: which binary to measure, where to write the report, how many runs per measure, which scenarios.</summary>
/// <param name="BinaryPath">The published octolite binary, as given (shown in the report).</param>
/// <param name="OutputPath">The markdown report to write; its history section is kept.</param>
/// <param name="Runs">Runs per start-up measure; the median is reported. The task scenarios' sizes are in <see cref="TaskScenarioSettings"/>.</param>
/// <param name="Scenarios">What to measure; the report then holds only these (its history keeps earlier rows).</param>
internal sealed record BenchmarkOptions(string BinaryPath, string OutputPath, int Runs, Scenarios Scenarios)
{
    /// <summary>Runs per measure when <c>--runs</c> is not given.</summary>
    public const int DefaultRuns = 5;

    public const string Usage =
        "usage: dotnet run -c Release --project tests/OctoLite.Benchmarks -- --binary PATH --out FILE.md [--runs N]\n" +
        "         [--scenarios all|startup,latency,ingest,throughput,dispatch|tasks]   (default all; tasks = latency,ingest,throughput,dispatch)";

    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help");

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        string? binary = null;
        string? output = null;
        var runs = DefaultRuns;
        var scenarios = Scenarios.All;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (name is not ("--binary" or "--out" or "--runs" or "--scenarios"))
            {
                throw new UsageException($"Unknown argument '{name}'.");
            }

            var value = i + 1 < args.Count ? args[i + 1] : throw new UsageException($"{name} needs a value.");
            switch (name)
            {
                case "--binary":
                    binary = value;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--scenarios":
                    scenarios = ParseScenarios(value);
                    break;
                default:
                    runs = ParseRuns(value);
                    break;
            }
        }

        return new BenchmarkOptions(
            binary ?? throw new UsageException("--binary is required."),
            output ?? throw new UsageException("--out is required."),
            runs,
            scenarios);
    }

    private static int ParseRuns(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs >= 1
            ? runs
            : throw new UsageException($"--runs must be a whole number of at least 1 (got '{value}').");

    private static Scenarios ParseScenarios(string value)
    {
        var scenarios = Scenarios.None;
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            scenarios |= name.ToLowerInvariant() switch
            {
                "all" => Scenarios.All,
                "startup" => Scenarios.Startup,
                "tasks" => Scenarios.Tasks,
                "latency" => Scenarios.Latency,
                "ingest" => Scenarios.Ingest,
                "throughput" => Scenarios.Throughput,
                "dispatch" => Scenarios.Dispatch,
                _ => throw new UsageException($"Unknown scenario '{name}' (known: all, startup, tasks, latency, ingest, throughput, dispatch)."),
            };
        }

        return scenarios != Scenarios.None ? scenarios : throw new UsageException("--scenarios names none.");
    }
}
