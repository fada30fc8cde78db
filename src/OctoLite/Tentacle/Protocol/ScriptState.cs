namespace OctoLite.Tentacle.Protocol;

/// <summary>Where a script on a tentacle is.</summary>
internal enum ScriptState
{
    Running,
    /// <summary>Ended: see <see cref="ScriptStatus.Outcome"/> and <see cref="ScriptStatus.ExitCode"/>.</summary>
    Complete,
}
