namespace OctoLite.Tentacle.Protocol;

/// <summary>What one journal entry of a script reports.</summary>
internal enum ScriptEventKind
{
    /// <summary>A log line (<see cref="ScriptEvent.Level"/>, <see cref="ScriptEvent.Text"/>), already masked.</summary>
    Line,
    /// <summary>A progress report (<see cref="ScriptEvent.Percentage"/>, <see cref="ScriptEvent.Text"/>).</summary>
    Progress,
    /// <summary>An output variable (<see cref="ScriptEvent.Name"/>, <see cref="ScriptEvent.Value"/>, <see cref="ScriptEvent.IsSensitive"/>).</summary>
    OutputVariable,
    /// <summary>A file the script asked to keep (<see cref="ScriptEvent.Name"/>, workspace-relative <see cref="ScriptEvent.Path"/>): the server downloads it.</summary>
    Artifact,
}
