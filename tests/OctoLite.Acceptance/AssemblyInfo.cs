using System.Runtime.Versioning;

// The binary under test is published for linux-x64; the harness relies on POSIX signals and file modes.
[assembly: SupportedOSPlatform("linux")]
