using System.Runtime.Versioning;

// Like OctoLite itself, the tests rely on Unix file modes, sockets and signals.
[assembly: UnsupportedOSPlatform("windows")]
