using OctoLite.Workers.Tentacle;

namespace OctoLite.Tests.Workers;

public sealed class TentacleTimeoutsTests
{
    [Fact]
    public void Backoff_DoublesUpToTheLimit()
    {
        var timeouts = new TentacleTimeouts { RetryBackoff = TimeSpan.FromMilliseconds(250), RetryBackoffLimit = TimeSpan.FromSeconds(1) };

        Assert.Equal([250, 500, 1000, 1000], new[] { 1, 2, 3, 10 }.Select(a => timeouts.BackoffFor(a).TotalMilliseconds));
    }
}
