namespace OctoLite.Tui.Screens;

/// <summary>The kinds of worker the add-worker wizard offers.</summary>
internal enum AddWorkerKind
{
    /// <summary>A listening tentacle: the server calls it.</summary>
    Listening,
    /// <summary>A polling tentacle: it calls the server.</summary>
    Polling,
}
