using OctoLite.Tests.Snapshots;
using OctoLite.Tui;
using OctoLite.Tui.Screens;
using OctoLite.Tui.Widgets;
using Terminal.Gui.Input;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class PoliciesScreenTests
{
    private static async Task SeedPolicy(Support.RunningServer server)
    {
        var (exitCode, output, error) = await server.CliAsync("policy", "create", "--name", "Edge boxes", "--health-check-interval", "00:15:00",
            "--connectivity", "MayBeOfflineAndCanBeSkipped", "--cleanup", "DeleteUnavailableMachines", "--cleanup-after", "2.00:00:00");
        Assert.True(exitCode == 0, output + error);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Policies_RenderAsATable_DefaultFirst(int width, int height)
    {
        await using var shell = await ShellHarness.StartAsync("policies", width: width, height: height, seed: SeedPolicy);
        shell.Refresh();

        Snapshot.Verify(shell.Screen(), testName: $"Policies_{width}x{height}");
        Assert.Equal(["Default Machine Policy", "Edge boxes"], shell.Current<PoliciesScreen>().Table.Shown.Select(p => p.Name));
    }

    [Fact]
    public async Task EditInterval_SavesItOnTheServer()
    {
        await using var shell = await ShellHarness.StartAsync("policy");
        shell.Refresh();

        shell.Headless.WithModal<FormDialog>(() => shell.Type("e"), dialog =>
        {
            Assert.Equal("1h", dialog.Fields[0].Text);
            dialog.Fields[0].Text = "1h30m";
            shell.Press(Key.Enter);
        });

        shell.PumpUntil(() => shell.Window.HintText == "Default Machine Policy checks its workers every 1h30m.", "the interval to be saved");
        Assert.Equal(TimeSpan.FromMinutes(90), Assert.Single(await shell.Api.PoliciesAsync(CancellationToken.None)).HealthCheckInterval);
    }

    [Fact]
    public async Task EditInterval_WithNonsense_SaysWhy_AndChangesNothing()
    {
        await using var shell = await ShellHarness.StartAsync("policies");
        shell.Refresh();

        shell.Headless.WithModal<FormDialog>(() => shell.Type("e"), dialog =>
        {
            dialog.Fields[0].Text = "often";
            shell.Press(Key.Enter);
        });

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("The interval must be like 90s", shell.Window.HintText);
        Assert.Equal(TimeSpan.FromHours(1), Assert.Single(await shell.Api.PoliciesAsync(CancellationToken.None)).HealthCheckInterval);
    }

    [Fact]
    public async Task EditInterval_TooLongToHold_SaysWhy_AndChangesNothing()
    {
        await using var shell = await ShellHarness.StartAsync("policies");
        shell.Refresh();

        shell.Headless.WithModal<FormDialog>(() => shell.Type("e"), dialog =>
        {
            dialog.Fields[0].Text = string.Concat(Enumerable.Repeat("999999d", 20));
            shell.Press(Key.Enter);
        });

        Assert.True(shell.Window.HintIsError, shell.Window.HintText);
        Assert.StartsWith("The interval must be at most 365d (got '999999d", shell.Window.HintText, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(1), Assert.Single(await shell.Api.PoliciesAsync(CancellationToken.None)).HealthCheckInterval);
    }

    [Fact]
    public async Task ReadOnly_RefusesTheEdit()
    {
        await using var shell = await ShellHarness.StartAsync("policies", options: new TuiOptions(ReadOnly: true));
        shell.Refresh();

        Assert.DoesNotContain("e Interval", shell.Window.Hints);
        shell.Type("e");

        Assert.True(shell.Window.HintIsError);
        Assert.Contains("Read-only", shell.Window.HintText);
    }

    [Theory]
    [InlineData("90s", 90, "1m30s")]
    [InlineData("15m", 900, "15m")]
    [InlineData("1h30m", 5400, "1h30m")]
    [InlineData("2d", 172800, "2d")]
    [InlineData("01:00:00", 3600, "1h")]
    [InlineData("365d", 31536000, "365d")]
    public void Interval_ReadsUnitsAndClockTimes_AndShowsThemBack(string text, int seconds, string shown)
    {
        Assert.True(PoliciesScreen.TryParseInterval(text, out var value, out _));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
        Assert.Equal(shown, PoliciesScreen.Interval(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("5")]
    [InlineData("h")]
    [InlineData("5x")]
    [InlineData("366d")]
    [InlineData("365d1s")]
    [InlineData("9999999999s")]
    [InlineData("999999d999999d999999d999999d999999d999999d999999d999999d999999d999999d999999d999999d")]
    [InlineData("10675199.02:48:05")]
    public void Interval_RefusesWhatItCannotRead(string text) =>
        Assert.False(PoliciesScreen.TryParseInterval(text, out _, out _));
}
