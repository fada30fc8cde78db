using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using OctoLite.Tui;
using Terminal.Gui.Configuration;

namespace OctoLite.Tests.Tui;

// In the Tui collection: one test re-runs Terminal.Gui's process-wide configuration start-up.
[Collection(TuiCollection.Name)]
public sealed class TerminalGuiStartupTests
{
    [Fact]
    public void EnsureInitialized_IsANoOpThatLeavesConfigurationInitialized_WhenCalledTwice()
    {
        // Under the JIT the runtime ran Terminal.Gui's module initializer when the assembly loaded.
        var before = SharedConfiguration(TuiConfigurationBuilder.Shared);

        TerminalGuiStartup.EnsureInitialized();
        TerminalGuiStartup.EnsureInitialized();

        Assert.True(TerminalGuiStartup.IsInitialized());
        Assert.Same(before, SharedConfiguration(TuiConfigurationBuilder.Shared));
    }

    [Fact]
    public void EnsureInitialized_RunsTerminalGuisInitializerOnce_WhenItHasNotRun()
    {
        // What the published binary sees: its module constructor was compiled empty, nothing is built yet.
        SharedConfiguration(TuiConfigurationBuilder.Shared) = null;
        Assert.False(TerminalGuiStartup.IsInitialized());

        TerminalGuiStartup.EnsureInitialized();
        var built = SharedConfiguration(TuiConfigurationBuilder.Shared);
        TerminalGuiStartup.EnsureInitialized();

        Assert.True(TerminalGuiStartup.IsInitialized());
        Assert.NotNull(built);
        Assert.Same(built, SharedConfiguration(TuiConfigurationBuilder.Shared));
        Assert.NotEmpty(SchemeManager.GetSchemeNames());
    }

    [Fact]
    public void TerminalGuiModuleConstructor_OnlyCallsTheInitializerTheShellRuns()
    {
        // The published binary compiles this constructor as empty (Tui/TerminalGui.substitutions.xml) and the
        // shell calls InitializeConfiguration itself. Anything else a newer Terminal.Gui adds here would be skipped.
        using var pe = new PEReader(File.OpenRead(typeof(TuiConfigurationBuilder).Assembly.Location));
        var metadata = pe.GetMetadataReader();
        var moduleType = metadata.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(1));
        Assert.Equal("<Module>", metadata.GetString(moduleType.Name));
        var constructor = Assert.Single(
            moduleType.GetMethods().Select(metadata.GetMethodDefinition),
            m => metadata.GetString(m.Name) == ".cctor");

        var il = pe.GetMethodBody(constructor.RelativeVirtualAddress).GetILBytes()!;

        const byte Call = 0x28, Ret = 0x2A;
        Assert.True(il.Length == 6 && il[0] == Call && il[5] == Ret,
            $"Terminal.Gui's module constructor changed (IL {Convert.ToHexString(il)}): revisit Tui/TerminalGuiStartup.cs.");
        var target = metadata.GetMethodDefinition((MethodDefinitionHandle)MetadataTokens.EntityHandle(BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(1))));
        var owner = metadata.GetTypeDefinition(target.GetDeclaringType());
        Assert.Equal("Terminal.Gui.ModuleInitializers.InitializeConfiguration",
            $"{metadata.GetString(owner.Namespace)}.{metadata.GetString(owner.Name)}.{metadata.GetString(target.Name)}");
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_configuration")]
    private static extern ref IConfiguration? SharedConfiguration(TuiConfigurationBuilder builder);
}
