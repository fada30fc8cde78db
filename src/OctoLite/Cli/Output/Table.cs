namespace OctoLite.Cli.Output;

/// <summary>A plain-text table: upper-case headers, columns padded to their widest cell, no borders (easy to grep and cut).</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Add(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells.Select(c => Clean(c ?? "")).ToArray());
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(writer, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    /// <summary>A two-column field/value listing for one resource.</summary>
    public static void WriteFields(TextWriter writer, IEnumerable<(string Field, string? Value)> fields)
    {
        var list = fields.ToList();
        var width = list.Max(f => f.Field.Length);
        foreach (var (field, value) in list)
        {
            writer.WriteLine($"{(field + ":").PadRight(width + 2)}{Clean(value ?? "")}".TrimEnd());
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
        writer.WriteLine(line.TrimEnd());
    }

    private static string Clean(string value) => value.ReplaceLineEndings(" ");
}
