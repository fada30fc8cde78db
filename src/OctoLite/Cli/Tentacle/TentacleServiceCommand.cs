using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using OctoLite.Server.Security;
using OctoLite.Tentacle.Agent;

namespace OctoLite.Cli.Tentacle;

/// <summary>
/// Installs, removes, starts and stops the systemd service that runs an instance's agent, as Octopus Tentacle's
/// <c>service</c> command. Actions run in Octopus's order whatever the order of the flags: stop, uninstall, install,
/// start; so <c>--stop --start</c> restarts and <c>--stop --install --start</c> applies a rewritten unit. Everything
/// that can be checked is checked before anything changes, including that systemd runs when --start or --stop asks
/// for it. Without systemd, --install and --uninstall still write and remove the unit file.
/// </summary>
internal sealed class TentacleServiceCommand : TentacleCommand
{
    /// <summary>Where unit files go instead of /etc/systemd/system (packaging, tests); with it, root is not required.</summary>
    public const string UnitDirVariable = "OCTOLITE_SYSTEMD_UNIT_DIR";

    /// <summary>The absolute path the unit's ExecStart runs instead of this process's own binary.</summary>
    public const string ExecVariable = "OCTOLITE_SERVICE_EXEC";

    /// <summary>The systemctl to run instead of the one on PATH; when set, systemd is taken as running (a stand-in in a container, tests).</summary>
    public const string SystemctlVariable = "OCTOLITE_SYSTEMCTL";

    private const string SystemUnitDirectory = "/etc/systemd/system";

    /// <summary>Exists exactly when systemd is the running init (what sd_booted checks).</summary>
    private const string SystemdRunningMarker = "/run/systemd/system";

    private readonly Option<bool> _install = new("--install") { Description = "Write the systemd unit (octolite-tentacle-<instance>.service) and enable it at boot; again to rewrite it" };
    private readonly Option<bool> _uninstall = new("--uninstall") { Description = "Stop and disable the service and remove its unit" };
    private readonly Option<bool> _start = new("--start") { Description = "Start the service" };
    private readonly Option<bool> _stop = new("--stop") { Description = "Stop the service; its running scripts are canceled" };

    public TentacleServiceCommand(GlobalOptions options)
        : base("service", "Install, uninstall, start or stop the systemd service running the instance's agent (root; combine: --install --start)", options)
    {
        Options.Add(_install);
        Options.Add(_uninstall);
        Options.Add(_start);
        Options.Add(_stop);
    }

    protected override Task<int> ExecuteAsync(CliContext context, TentacleInstances instances, CancellationToken cancellationToken) =>
        // Checked synchronously, so the base turns a TentacleConfigException (unknown instance) into a usage error.
        ApplyAsync(context, Check(context, instances), cancellationToken);

    private ServiceRequest Check(CliContext context, TentacleInstances instances)
    {
        var result = context.ParseResult;
        var (install, uninstall, start, stop) = (result.GetValue(_install), result.GetValue(_uninstall), result.GetValue(_start), result.GetValue(_stop));
        if (!(install || uninstall || start || stop))
        {
            throw CliException.Usage("Say what to do: --install, --uninstall, --start and/or --stop (for example --install --start).");
        }

        if (uninstall && start && !install)
        {
            throw CliException.Usage("--start with --uninstall leaves nothing to start; add --install to reinstall, or drop --start.");
        }

        var config = LoadInstance(context, instances);
        var foreground = result.GetValue(Home) is null ? $"--instance {config.Name}" : $"--home '{config.HomeDirectory.Replace("'", "'\\''", StringComparison.Ordinal)}'";
        var directory = UnitDirectory(context, foreground);
        string unitName, text = "";
        try
        {
            unitName = TentacleSystemdUnit.NameOf(config.Name);
            if (install)
            {
                text = new TentacleSystemdUnit(config.Name, config.HomeDirectory, Executable(context), UnixAccounts.IsRoot ? null : Environment.UserName).Render();
            }
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage($"Cannot write a systemd unit for instance {config.Name}: {e.Message}");
        }

        var systemctl = context.Environment.Get(SystemctlVariable);
        var request = new ServiceRequest(install, uninstall, start, stop, foreground, unitName, Path.Combine(directory, unitName), text,
            systemctl ?? "systemctl", systemctl is not null || Directory.Exists(SystemdRunningMarker));
        if ((start || stop) && !request.Systemd)
        {
            throw new CliException(ExitCodes.Failed,
                $"systemd is not running on this machine ({SystemdRunningMarker} does not exist), so the service cannot be {(start ? "started" : "stopped")}; nothing was changed. " +
                $"Install without --start/--stop to only write the unit, or run the agent in the foreground: `octolite tentacle run {foreground}`.");
        }

        if (start && !install && !File.Exists(request.UnitPath))
        {
            throw CliException.Usage($"{unitName} is not installed ({request.UnitPath} does not exist): install it with `octolite tentacle service --install --start {foreground}`.");
        }

        return request;
    }

    private static async Task<int> ApplyAsync(CliContext context, ServiceRequest request, CancellationToken cancellationToken)
    {
        var installed = File.Exists(request.UnitPath);
        if (request.Stop || request.Uninstall)
        {
            if (!installed)
            {
                context.Error.WriteLine($"{request.UnitName} is not installed ({request.UnitPath} does not exist); nothing to {(request.Uninstall ? "uninstall" : "stop")}.");
            }
            else if (request.Systemd)
            {
                await SystemctlAsync(request, cancellationToken, "stop", request.UnitName);
                context.Error.WriteLine($"Stopped {request.UnitName}.");
            }
        }

        if (request.Uninstall && installed)
        {
            if (request.Systemd)
            {
                await SystemctlAsync(request, cancellationToken, "disable", request.UnitName);
            }

            File.Delete(request.UnitPath);
            if (request.Systemd)
            {
                await SystemctlAsync(request, cancellationToken, "daemon-reload");
            }

            context.Error.WriteLine($"Uninstalled {request.UnitName} (removed {request.UnitPath}).");
            if (!request.Systemd)
            {
                context.Error.WriteLine($"note: systemd is not running on this machine ({SystemdRunningMarker} does not exist), so only the unit file was removed.");
            }

            installed = false;
        }

        if (request.Install)
        {
            var changed = installed && await File.ReadAllTextAsync(request.UnitPath, cancellationToken) != request.UnitText;
            WriteUnitFile(request.UnitPath, request.UnitText);
            context.Error.WriteLine($"Wrote {request.UnitPath}.");
            if (request.Systemd)
            {
                await SystemctlAsync(request, cancellationToken, "daemon-reload");
                await SystemctlAsync(request, cancellationToken, "enable", request.UnitName);
                context.Error.WriteLine($"Installed and enabled {request.UnitName}: it starts at boot{(request.Start ? "" : $"; start it now with `octolite tentacle service --start {request.Foreground}`")}.");
                if (changed && !request.Stop)
                {
                    context.Error.WriteLine($"The unit changed; a running service keeps its old settings until restarted: `octolite tentacle service --stop --start {request.Foreground}`.");
                }
            }
            else
            {
                context.Error.WriteLine($"note: systemd is not running on this machine ({SystemdRunningMarker} does not exist), so the unit was written but not enabled. " +
                    $"Where systemd runs, enable it with `systemctl enable --now {request.UnitName}`; here, run the agent in the foreground: `octolite tentacle run {request.Foreground}`.");
            }
        }

        if (request.Start)
        {
            await SystemctlAsync(request, cancellationToken, "start", request.UnitName);
            context.Error.WriteLine($"Started {request.UnitName}; follow its log with `journalctl -u {request.UnitName} -f`.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The folder units go in: <c>$OCTOLITE_SYSTEMD_UNIT_DIR</c>, else /etc/systemd/system, which needs root.</summary>
    private static string UnitDirectory(CliContext context, string foreground)
    {
        if (context.Environment.Get(UnitDirVariable) is { } configured)
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw CliException.Usage($"{UnitDirVariable} is '{configured}', which is not a directory.");
        }

        if (!UnixAccounts.IsRoot)
        {
            throw new CliException(ExitCodes.Failed,
                $"Managing the system service needs root: its unit goes in {SystemUnitDirectory}. Run it as root, e.g. `sudo octolite tentacle service --install --start --home <the instance's home>` " +
                $"(sudo may not see your instance list, so name the home), or set {UnitDirVariable} to write the unit elsewhere.");
        }

        return Directory.Exists(SystemUnitDirectory)
            ? SystemUnitDirectory
            : throw new CliException(ExitCodes.Failed, $"{SystemUnitDirectory} does not exist: systemd is not installed here. Run the agent in the foreground instead: `octolite tentacle run {foreground}`.");
    }

    /// <summary>
    /// What ExecStart runs: <c>$OCTOLITE_SERVICE_EXEC</c>, else this process's binary. Under <c>dotnet octolite.dll</c>
    /// (tests, a build tree) that binary is the dotnet host, which cannot run the verb alone, so it is refused.
    /// </summary>
    private static string Executable(CliContext context)
    {
        if (context.Environment.Get(ExecVariable) is { } configured)
        {
            return Path.IsPathFullyQualified(configured) && File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw CliException.Usage($"{ExecVariable} must be the absolute path of an existing octolite binary (got '{configured}').");
        }

        var path = Environment.ProcessPath ?? throw new CliException(ExitCodes.Failed, $"Cannot tell where this octolite binary is; set {ExecVariable} to its absolute path.");
        return Path.GetFileNameWithoutExtension(path) != "dotnet"
            ? path
            : throw CliException.Usage($"This octolite runs under the dotnet host ({path}), which the service cannot start it through; set {ExecVariable} to the absolute path of the octolite binary.");
    }

    /// <summary>Writes the unit atomically (a temporary file beside it, then a rename) with mode 0644, whatever the umask.</summary>
    private static void WriteUnitFile(string path, string text)
    {
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = mode }))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.SetUnixFileMode(temporary, mode);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException(ExitCodes.Failed, $"Cannot write {path}: {e.Message}");
        }
    }

    /// <summary>Runs <c>systemctl</c> with <paramref name="arguments"/> as a child process (no shell); fails with its stderr.</summary>
    private static async Task SystemctlAsync(ServiceRequest request, CancellationToken cancellationToken, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(request.Systemctl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var command = $"{request.Systemctl} {string.Join(' ', arguments)}";
        using var process = StartProcess(startInfo, command);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It ended meanwhile.
            }

            throw;
        }

        await output;
        var message = (await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new CliException(ExitCodes.Failed, $"`{command}` failed with exit code {process.ExitCode}: {(message.Length > 0 ? message : "(nothing on stderr)")}");
        }
    }

    private static Process StartProcess(ProcessStartInfo startInfo, string command)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new CliException(ExitCodes.Failed, $"Cannot run `{command}`.");
        }
        catch (Win32Exception e)
        {
            throw new CliException(ExitCodes.Failed, $"Cannot run `{command}`: {e.Message}");
        }
    }

    private sealed record ServiceRequest(
        bool Install, bool Uninstall, bool Start, bool Stop, string Foreground,
        string UnitName, string UnitPath, string UnitText, string Systemctl, bool Systemd);
}
