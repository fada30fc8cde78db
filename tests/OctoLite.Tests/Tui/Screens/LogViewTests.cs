using OctoLite.Domain;
using OctoLite.Tui.Widgets;

namespace OctoLite.Tests.Tui.Screens;

[Collection(TuiCollection.Name)]
public sealed class LogViewTests
{
    private static TaskLogLine Line(long sequence, string text, TaskLogLevel level = TaskLogLevel.Info) =>
        new() { Sequence = sequence, Time = new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero).AddSeconds(sequence), Level = level, Text = text };

    [Fact]
    public void Append_KeepsOnlyTheNewestLines_AndSaysHowManyThereWere()
    {
        using var log = new LogView(color: false, unicode: true, capacity: 100);

        log.Append(Enumerable.Range(1, 180).Select(i => Line(i, $"line {i}")).ToList());
        log.Append(Enumerable.Range(181, 70).Select(i => Line(i, $"line {i}")).ToList());

        Assert.Equal(100, log.LineCount);
        Assert.Equal(150, log.Dropped);
        Assert.Equal(250, log.LastSequence);
        Assert.Contains("100 lines (the last 100 of 250)", log.Status);
    }

    [Fact]
    public void Append_ALineSeenBefore_IsShownOnce()
    {
        using var log = new LogView(color: false, unicode: true);

        Assert.True(log.Append([Line(1, "a"), Line(2, "b")]));
        Assert.False(log.Append([Line(1, "a"), Line(2, "b")]));
        Assert.True(log.Append([Line(2, "b"), Line(3, "c")]));

        Assert.Equal(3, log.LineCount);
    }

    [Fact]
    public void Search_KeepsItsMatches_WhenOldLinesAreDropped()
    {
        using var log = new LogView(color: false, unicode: true, capacity: 10);
        log.Append(Enumerable.Range(1, 10).Select(i => Line(i, i % 3 == 0 ? $"hit {i}" : $"miss {i}")).ToList());
        log.SetSearch("hit");
        Assert.Equal(3, log.MatchCount);

        log.Append(Enumerable.Range(11, 5).Select(i => Line(i, i % 3 == 0 ? $"hit {i}" : $"miss {i}")).ToList());

        Assert.Equal(["hit 12", "hit 15", "hit 6", "hit 9"], Enumerable.Range(0, log.MatchCount).Select(_ => { log.NextMatch(); return log.SelectedLine!.Text; }).Order().ToList());
        Assert.False(log.Follow);
    }

    [Fact]
    public void ScrollingUp_StopsFollowing_AndEndFollowsAgain()
    {
        using var log = new LogView(color: false, unicode: true) { Width = 40, Height = 6 };
        log.Layout();
        log.Append(Enumerable.Range(1, 30).Select(i => Line(i, $"line {i}")).ToList());
        Assert.True(log.IsAtEnd);
        Assert.EndsWith("line 30", log.VisibleRows()[^1]);

        log.NewKeyDownEvent(Terminal.Gui.Input.Key.PageUp);
        Assert.False(log.Follow);
        var top = log.TopRow;
        log.Append([Line(31, "line 31")]);
        Assert.Equal(top, log.TopRow);
        Assert.False(log.IsAtEnd);

        log.NewKeyDownEvent(Terminal.Gui.Input.Key.End);
        Assert.True(log.Follow);
        Assert.EndsWith("line 31", log.VisibleRows()[^1]);
        log.Append([Line(32, "line 32")]);
        Assert.EndsWith("line 32", log.VisibleRows()[^1]);
    }

    [Fact]
    public void LevelMarks_SayTheLevel_WithoutColour()
    {
        var marks = new LogViewMarks(unicode: false);

        Assert.Equal(["!", "x", "X", ".", ">", " "], new[] { TaskLogLevel.Warning, TaskLogLevel.Error, TaskLogLevel.Fatal, TaskLogLevel.Verbose, TaskLogLevel.Highlight, TaskLogLevel.Info }.Select(marks.For));
    }
}
