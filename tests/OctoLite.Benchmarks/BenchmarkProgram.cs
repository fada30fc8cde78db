namespace OctoLite.Benchmarks;

/// <summary>Parses the command line, runs the benchmarks, writes the report and prints the table; returns an <see cref="ExitCodes"/> value.</summary>
internal static class BenchmarkProgram
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (BenchmarkOptions.IsHelp(args))
        {
            stdout.WriteLine(BenchmarkOptions.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            var options = BenchmarkOptions.Parse(args);
            var results = await new BenchmarkRunner(options, stderr).RunAsync(cancellationToken);
            var rows = ResultTable.Rows(results);
            await WriteReportAsync(options.OutputPath, results, rows, stderr, cancellationToken);

            stdout.WriteLine();
            foreach (var line in ResultTable.Render(rows))
            {
                stdout.WriteLine(line);
            }

            stderr.WriteLine($"Wrote {options.OutputPath}.");
            return ExitCodes.Ok;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine(BenchmarkOptions.Usage);
            return ExitCodes.Usage;
        }
        catch (MeasurementException e)
        {
            stderr.WriteLine($"error: measurement failed: {e.Message}");
            return ExitCodes.MeasurementFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("Cancelled; nothing written.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Writes beside the old report and renames over it, so an interrupted write never loses the history.</summary>
    private static async Task WriteReportAsync(string path, BenchmarkResults results, IReadOnlyList<ResultRow> rows, TextWriter stderr, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var existing = File.Exists(fullPath) ? await File.ReadAllTextAsync(fullPath, cancellationToken) : null;
        if (BenchmarkDocument.LacksMarker(existing))
        {
            stderr.WriteLine($"note: {path} has no '{BenchmarkDocument.HistoryMarker}' line; its old text is kept below it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + ".tmp";
        await File.WriteAllTextAsync(temporary, BenchmarkDocument.Render(results, rows, existing), cancellationToken);
        File.Move(temporary, fullPath, overwrite: true);
    }
}
