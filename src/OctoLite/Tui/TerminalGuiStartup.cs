using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Terminal.Gui.Configuration;

namespace OctoLite.Tui;

/// <summary>
/// Runs Terminal.Gui's start-up configuration when the shell starts instead of when the process starts.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0 has one module initializer, <c>Terminal.Gui.ModuleInitializers.InitializeConfiguration</c>:
/// it reads its configuration sources (library defaults, <c>~/.tui</c>, <c>./.tui</c>, <c>TUI_CONFIG</c>) and
/// applies them to its settings, themes, schemes and key bindings. Native AOT runs every module initializer
/// before <c>Main</c>, so every octolite process (<c>--version</c>, each CLI verb, the server) paid about 14 ms
/// for tables only the shell reads (docs/benchmarks.md).
/// </para>
/// <para>
/// The published binary therefore compiles Terminal.Gui's module constructor as empty
/// (<c>TerminalGui.substitutions.xml</c>, passed to the AOT compiler by OctoLite.csproj), and this class calls
/// the very same initializer once, before the shell touches Terminal.Gui. Under the JIT (tests,
/// <c>dotnet run</c>) the runtime has already run it when Terminal.Gui loaded, and this is a no-op.
/// "Has run" is read from the state the initializer leaves: the shared builder's cached configuration,
/// which nothing else builds before the shell starts.
/// </para>
/// <para>
/// The initializer and that field are internal to Terminal.Gui, reached with <see cref="UnsafeAccessorAttribute"/>
/// (AOT-safe, no reflection). The test TerminalGuiStartupTests pins the module constructor's contents, so a
/// Terminal.Gui upgrade that changes them fails there instead of silently skipping start-up work.
/// </para>
/// </remarks>
internal static class TerminalGuiStartup
{
    /// <summary>The Terminal.Gui version this deferral was proven with.</summary>
    internal const string ProvenWithVersion = "2.5.0";

    private const string ModuleInitializersType = "Terminal.Gui.ModuleInitializers, Terminal.Gui";

    private static readonly Lock Gate = new();

    /// <summary>Runs Terminal.Gui's configuration initializer unless it has already run in this process.</summary>
    /// <exception cref="InvalidOperationException">Terminal.Gui no longer has the internals this relies on.</exception>
    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (!IsInitialized())
                RunInitializer();
        }
    }

    /// <summary>Whether Terminal.Gui's configuration initializer has run (its shared configuration is built).</summary>
    internal static bool IsInitialized()
    {
        try
        {
            return SharedConfiguration(TuiConfigurationBuilder.Shared) is not null;
        }
        catch (Exception e) when (e is MissingMemberException or TypeLoadException)
        {
            throw Incompatible("field TuiConfigurationBuilder._configuration", e);
        }
    }

    private static void RunInitializer()
    {
        try
        {
            // Never throws for bad configuration: the initializer collects errors for Terminal.Gui to print at shutdown.
            InitializeConfiguration(null);
        }
        catch (Exception e) when (e is MissingMemberException or TypeLoadException)
        {
            throw Incompatible("method ModuleInitializers.InitializeConfiguration", e);
        }
    }

    private static InvalidOperationException Incompatible(string member, Exception inner) =>
        new($"Terminal.Gui {typeof(TuiConfigurationBuilder).Assembly.GetName().Version} has no {member}, which octolite " +
            $"calls to start its terminal UI (proven with Terminal.Gui {ProvenWithVersion}). Revisit Tui/TerminalGuiStartup.cs " +
            "and Tui/TerminalGui.substitutions.xml for this Terminal.Gui version.", inner);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "InitializeConfiguration")]
    private static extern void InitializeConfiguration([UnsafeAccessorType(ModuleInitializersType)] object? owner);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_configuration")]
    private static extern ref IConfiguration? SharedConfiguration(TuiConfigurationBuilder builder);
}
