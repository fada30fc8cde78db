namespace OctoLite.Tentacle.Protocol;

/// <summary>
/// One entry of a script's journal, numbered from 1 without gaps. The tentacle writes the journal to disk as the
/// script runs, so a server that lost the link asks again from the last sequence it has: nothing lost, nothing twice.
/// </summary>
internal sealed record ScriptEvent
{
    public long Sequence { get; init; }
    public DateTimeOffset Time { get; init; }
    public ScriptEventKind Kind { get; init; }
    /// <summary>For lines: "Verbose", "Info", "Highlight", "Wait", "Warning", "Error", "Fatal".</summary>
    public string Level { get; init; } = "";
    public string Text { get; init; } = "";
    public string Name { get; init; } = "";
    public string Value { get; init; } = "";
    public bool IsSensitive { get; init; }
    public int Percentage { get; init; }
    public string Path { get; init; } = "";
}
