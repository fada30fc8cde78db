using OctoLite.Cli.Shell;
using OctoLite.Tui;

namespace OctoLite.Tests.Tui;

public sealed class TuiOptionsTests
{
    [Theory]
    [InlineData(null, null, "en_US.UTF-8", null, true)]
    [InlineData(null, null, "C.utf8", null, true)]
    [InlineData("C", null, "en_US.UTF-8", null, false)]
    [InlineData(null, "POSIX", null, null, false)]
    [InlineData(null, null, null, null, false)]
    public void Unicode_FollowsTheLocale_LcAllFirst(string? lcAll, string? lcCtype, string? lang, string? _, bool unicode)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = lcAll, ["LC_CTYPE"] = lcCtype, ["LANG"] = lang };

        var options = TuiOptions.FromEnvironment(name => environment.GetValueOrDefault(name), readOnly: false, noColor: false);

        Assert.Equal(unicode, options.Unicode);
    }

    [Theory]
    [InlineData(null, false, true)]
    [InlineData("1", false, false)]
    [InlineData("", false, true)]
    [InlineData(null, true, false)]
    public void Color_IsOff_WithNoColorSetOrTheFlag(string? noColorVariable, bool flag, bool color)
    {
        var options = TuiOptions.FromEnvironment(name => name == "NO_COLOR" ? noColorVariable : "en_US.UTF-8", readOnly: true, noColor: flag);

        Assert.Equal(color, options.Color);
        Assert.True(options.ReadOnly);
    }

    [Theory]
    [InlineData(0, "<1m")]
    [InlineData(59, "<1m")]
    [InlineData(60, "1m")]
    [InlineData(3 * 3600 + 5 * 60 + 59, "3h 5m")]
    [InlineData(2 * 86400 + 7 * 60, "2d 0h 7m")]
    public void StatusLineUptime_IsToTheMinute(int seconds, string expected)
    {
        Assert.Equal(expected, StatusLine.Uptime(TimeSpan.FromSeconds(seconds)));
    }
}
