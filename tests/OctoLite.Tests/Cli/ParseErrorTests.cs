using OctoLite.Tests.Support;

namespace OctoLite.Tests.Cli;

/// <summary>A value of the wrong form is refused before anything is sent, naming the option and the form it wants.</summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData(new[] { "runbook", "run", "R", "--project", "P", "--timeout", "abc" }, "--timeout expects a duration such as 00:30:00", "'abc'")]
    [InlineData(new[] { "task", "wait", "1", "--timeout", "soon" }, "--timeout expects a number", "'soon'")]
    [InlineData(new[] { "task", "list", "--take", "many" }, "--take expects a whole number", "'many'")]
    [InlineData(new[] { "pool", "create", "--name", "A", "--sort-order", "x" }, "--sort-order expects a whole number", "'x'")]
    public async Task BadlyFormedValue_ExitsTwo_NamingTheOptionAndTheExpectedForm(string[] args, string expected, string value)
    {
        using var directory = new TempDirectory();

        var (exitCode, output, error) = await RunningServer.Cli(["--data-dir", directory.Path, .. args]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(expected, error);
        Assert.Contains(value, error);
        Assert.DoesNotContain("System.", error);
    }
}
