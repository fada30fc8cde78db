using OctoLite.Tentacle.Agent;
using OctoLite.Tentacle.Protocol;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Tentacle;

public sealed class ScriptJournalTests
{
    [Fact]
    public void ReadAfter_SeesOnlyFlushedEntries_NumberedFromOneWithoutGaps()
    {
        using var temp = new TempDirectory();
        using var journal = ScriptJournal.Create(temp.Path, TimeProvider.System);

        journal.Append(new ScriptEvent { Kind = ScriptEventKind.Line, Text = "one" });
        journal.Append(new ScriptEvent { Kind = ScriptEventKind.Line, Text = "two" });
        Assert.Empty(journal.ReadAfter(0, 10));

        journal.Flush();
        journal.Append(new ScriptEvent { Kind = ScriptEventKind.Line, Text = "three" });
        Assert.Equal([(1L, "one"), (2L, "two")], journal.ReadAfter(0, 10).Select(e => (e.Sequence, e.Text)));

        journal.Close();
        Assert.Equal([(3L, "three")], journal.ReadAfter(2, 10).Select(e => (e.Sequence, e.Text)));
        Assert.Equal([(2L, "two")], journal.ReadAfter(1, 1).Select(e => (e.Sequence, e.Text)));
        Assert.Empty(journal.ReadAfter(3, 10));
    }

    [Fact]
    public void Reopen_CutsATornLastLine_AndContinuesTheSequence()
    {
        using var temp = new TempDirectory();
        using (var journal = ScriptJournal.Create(temp.Path, TimeProvider.System))
        {
            journal.Append(new ScriptEvent { Text = "kept" });
        }

        File.AppendAllText(Path.Combine(temp.Path, ScriptJournal.FileName), "{\"Sequence\":2,\"Te");

        using var reopened = ScriptJournal.Reopen(temp.Path, TimeProvider.System);
        Assert.Equal(2, reopened.Append(new ScriptEvent { Text = "after restart" }));
        reopened.Close();

        Assert.Equal(["kept", "after restart"], ScriptJournal.Open(temp.Path, TimeProvider.System).ReadAfter(0, 10).Select(e => e.Text));
    }
}
