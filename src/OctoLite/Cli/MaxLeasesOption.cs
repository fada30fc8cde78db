using System.CommandLine;

namespace OctoLite.Cli;

/// <summary><c>--max-concurrent-leases N</c> on pool and worker verbs: a cap on tasks leasing at once; 0 removes it.</summary>
internal static class MaxLeasesOption
{
    public static Option<int?> Create(string what) => new("--max-concurrent-leases")
    {
        Description = $"At most this many tasks lease {what} at once (1-{Domain.WorkerPool.MaxLeasesLimit}); 0 removes the cap",
        HelpName = "n",
    };

    /// <summary>Adds the cap to <paramref name="patch"/> when given: 0 as null (no cap).</summary>
    public static JsonPatch Apply(JsonPatch patch, int? value)
    {
        if (value is { } cap)
        {
            if (cap < 0)
            {
                throw CliException.Usage($"--max-concurrent-leases must be 0 (no cap) or from 1 to {Domain.WorkerPool.MaxLeasesLimit} (got {cap}).");
            }

            patch.Body["MaxConcurrentLeases"] = cap == 0 ? null : cap;
        }

        return patch;
    }
}
