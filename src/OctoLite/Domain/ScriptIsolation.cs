namespace OctoLite.Domain;

/// <summary>
/// How a script step's scripts share their worker with other scripts under the same mutex name (Octopus's script
/// isolation): None shares the mutex, Full holds it alone.
/// </summary>
internal enum ScriptIsolation
{
    None,
    Full,
}
