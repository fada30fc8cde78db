using System.Runtime.Versioning;

// The harness reads /proc, sends POSIX signals and runs GNU time: Linux only.
[assembly: SupportedOSPlatform("linux")]
