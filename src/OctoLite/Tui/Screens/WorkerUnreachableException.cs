namespace OctoLite.Tui.Screens;

/// <summary>A worker was registered, but the server could not use it: its message says both, for the message line.</summary>
internal sealed class WorkerUnreachableException(string message) : Exception(message);
