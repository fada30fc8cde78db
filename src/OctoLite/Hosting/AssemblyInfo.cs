using System.Runtime.Versioning;

// OctoLite relies on Unix file modes, Unix sockets, process groups and signals: Linux first, then other Unixes.
[assembly: UnsupportedOSPlatform("windows")]
