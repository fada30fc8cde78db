namespace OctoLite.Hosting;

/// <summary>How the server writes its structured logs to stderr.</summary>
internal enum LogFormat
{
    Text,
    Json,
    /// <summary>No console logging: used while the terminal UI owns the screen.</summary>
    None,
}
