using OctoLite.Workers;
using OctoLite.Workers.Tentacle;

namespace OctoLite.Tests.Workers;

public sealed class WorkerLoadTests
{
    [Fact]
    public void Acquire_PicksTheLeastBusy_TiesGoToTheFirst()
    {
        var load = new WorkerLoad();

        using var first = load.Acquire(["a", "b"]);
        using var second = load.Acquire(["a", "b"]);
        using var third = load.Acquire(["a", "b"]);

        Assert.Equal(["a", "b", "a"], new[] { first.WorkerId, second.WorkerId, third.WorkerId });
        Assert.Equal(2, load.Running("a"));
    }

    [Fact]
    public void Dispose_ReleasesOnce_EvenTwice()
    {
        var load = new WorkerLoad();
        var lease = load.Acquire(["a"]);
        using var other = load.Acquire(["a"]);

        lease.Dispose();
        lease.Dispose();

        Assert.Equal(1, load.Running("a"));
    }

    [Fact]
    public void Backoff_DoublesUpToTheLimit()
    {
        var timeouts = new TentacleTimeouts { RetryBackoff = TimeSpan.FromMilliseconds(250), RetryBackoffLimit = TimeSpan.FromSeconds(1) };

        Assert.Equal([250, 500, 1000, 1000], new[] { 1, 2, 3, 10 }.Select(a => timeouts.BackoffFor(a).TotalMilliseconds));
    }
}
