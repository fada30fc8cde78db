using System.Diagnostics;
using OctoLite.Scripting.Masking;
using Xunit.Abstractions;

namespace OctoLite.Tests.Scripting.Masking;

/// <summary>
/// A measurement, not a benchmark gate: masks 100,000 log lines with 20 secrets and prints the throughput.
/// It asserts only what was masked, never how fast, so a slow machine cannot fail it.
/// </summary>
public sealed class SecretMaskerThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Mask_ProcessesManyLines_AndReportsThroughput()
    {
        var masker = new SecretMasker();
        var random = new Random(42);
        var secrets = Enumerable.Range(0, 20).Select(i => $"S{i:D2}-{random.Next():x8}-{random.Next():x8}").ToArray();
        masker.AddRange(secrets);
        var lines = Enumerable.Range(0, 100_000)
            .Select(i => i % 100 == 0
                ? $"2024-06-11T10:00:{i % 60:D2} connecting with {secrets[i % 20]} to db-{i}.internal"
                : $"2024-06-11T10:00:{i % 60:D2} [INFO] Step 3 copied file {i} of 100000 to /var/www/app/releases/{i}/static (ok)")
            .ToArray();
        var chars = lines.Sum(l => (long)l.Length);
        masker.Mask(lines[0]);

        var masked = 0;
        var stopwatch = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            if (!ReferenceEquals(line, masker.Mask(line)))
                masked++;
        }
        stopwatch.Stop();

        var seconds = stopwatch.Elapsed.TotalSeconds;
        output.WriteLine($"{lines.Length:N0} lines ({chars / 1e6:F1} M chars), 20 secrets ({masked:N0} lines masked): " +
                         $"{stopwatch.ElapsedMilliseconds} ms, {lines.Length / seconds / 1e6:F2} M lines/s, {chars / seconds / 1e6:F0} M chars/s");
        Assert.Equal(1_000, masked);
    }
}
