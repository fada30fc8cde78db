using OctoLite.Tui;

namespace OctoLite.Tests.Tui;

[Collection(TuiCollection.Name)]
public sealed class StatusPollerTests
{
    [Fact]
    public void Poller_DoesNotAskAgain_WhileTheLastRequestIsStillRunning()
    {
        using var headless = new HeadlessApp();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var reports = new List<StatusReport>();
        using var poller = new StatusPoller(headless.App, _ =>
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        }, reports.Add);

        poller.Start();
        SpinWait.SpinUntil(() => Volatile.Read(ref calls) == 1, TimeSpan.FromSeconds(5));
        headless.Advance(TuiTimings.StatusRefreshInterval);
        headless.Advance(TuiTimings.StatusRefreshInterval);
        Thread.Sleep(100);
        Assert.Equal(1, Volatile.Read(ref calls));

        release.SetResult("slow but fine");
        headless.PumpUntil(() => reports.Count == 1, "the slow report");
        Assert.Equal(StatusReport.Ok("slow but fine"), reports[0]);

        headless.Advance(TuiTimings.StatusRefreshInterval);
        SpinWait.SpinUntil(() => Volatile.Read(ref calls) == 2, TimeSpan.FromSeconds(5));
        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public void Poller_ReportsNothing_AfterItIsDisposed()
    {
        using var headless = new HeadlessApp();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new ManualResetEventSlim();
        var reports = new List<StatusReport>();
        var poller = new StatusPoller(headless.App, _ =>
        {
            started.Set();
            return release.Task;
        }, reports.Add);

        poller.Start();
        Assert.True(started.Wait(TimeSpan.FromSeconds(5)));
        poller.Dispose();
        release.SetResult("too late");
        Thread.Sleep(100);
        headless.Advance(TuiTimings.StatusRefreshInterval * 3);

        Assert.Empty(reports);
    }

    [Fact]
    public void Poller_RunsTheProviderOffTheUiThread()
    {
        using var headless = new HeadlessApp();
        var uiThread = Environment.CurrentManagedThreadId;
        var providerThread = 0;
        var reports = new List<StatusReport>();
        var reportThreads = new List<int>();
        using var poller = new StatusPoller(headless.App, _ =>
        {
            // A provider that blocks before its first await must not freeze the UI.
            providerThread = Environment.CurrentManagedThreadId;
            return Task.FromResult("ok");
        }, report =>
        {
            reports.Add(report);
            reportThreads.Add(Environment.CurrentManagedThreadId);
        });

        poller.Start();
        headless.PumpUntil(() => reports.Count == 1, "the report");

        Assert.NotEqual(uiThread, providerThread);
        Assert.Equal([uiThread], reportThreads);
    }
}
