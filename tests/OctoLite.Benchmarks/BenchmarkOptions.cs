using System.Globalization;

namespace OctoLite.Benchmarks;

/// <summary>The command line: which binary to measure, where to write the report, how many runs per measure.</summary>
/// <param name="BinaryPath">The published octolite binary, as given (shown in the report).</param>
/// <param name="OutputPath">The markdown report to write; its history section is kept.</param>
/// <param name="Runs">Runs per measure; the median is reported.</param>
internal sealed record BenchmarkOptions(string BinaryPath, string OutputPath, int Runs)
{
    /// <summary>Runs per measure when <c>--runs</c> is not given.</summary>
    public const int DefaultRuns = 5;

    public const string Usage =
        "usage: dotnet run -c Release --project tests/OctoLite.Benchmarks -- --binary PATH --out FILE.md [--runs N]";

    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help");

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        string? binary = null;
        string? output = null;
        var runs = DefaultRuns;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (name is not ("--binary" or "--out" or "--runs"))
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
                default:
                    runs = ParseRuns(value);
                    break;
            }
        }

        return new BenchmarkOptions(
            binary ?? throw new UsageException("--binary is required."),
            output ?? throw new UsageException("--out is required."),
            runs);
    }

    private static int ParseRuns(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs >= 1
            ? runs
            : throw new UsageException($"--runs must be a whole number of at least 1 (got '{value}').");
}
