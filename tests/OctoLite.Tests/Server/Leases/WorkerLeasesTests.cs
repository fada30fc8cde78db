using OctoLite.Domain;
using OctoLite.Server.Dispatch;

namespace OctoLite.Tests.Server.Leases;

/// <summary>The lease registry on its own: which worker a task gets, and why it gets none.</summary>
public sealed class WorkerLeasesTests
{
    private static readonly LeaseCandidate A = Candidate("Workers-1", "a");
    private static readonly LeaseCandidate B = Candidate("Workers-2", "b");

    [Fact]
    public void TryAcquire_PicksTheWorkerWithFewestLeases_NotRoundRobin()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        leases.TryAcquire("T1", [Pool(A, B)]);
        leases.TryAcquire("T2", [Pool(A, B)]);
        leases.Release("T1"); // a: 0 leases, b: 1

        var third = leases.TryAcquire("T3", [Pool(A, B)]);
        var fourth = leases.TryAcquire("T4", [Pool(A, B)]);

        Assert.Equal("a", Assert.Single(third.Granted!).Worker.Name); // b holds one lease, a none
        Assert.Equal("b", Assert.Single(fourth.Granted!).Worker.Name); // one each: the one leased least recently
        Assert.Equal(1, leases.Count(A.WorkerId));
    }

    [Fact]
    public void TryAcquire_TasksOneAfterAnother_AlternateBetweenIdleWorkers()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        var chosen = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            chosen.Add(leases.TryAcquire($"T{i}", [Pool(A, B)]).Granted![0].Worker.Name);
            leases.Release($"T{i}");
        }

        Assert.Equal(["a", "b", "a", "b", "a", "b"], chosen);
    }

    [Fact]
    public void TryAcquire_PassesOverUnusableWorkers_AndSaysWhyWhenNoneIsLeft()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        leases.TryAcquire("T1", [Pool(A, B) with { Exclusive = true }]);

        var refused = leases.TryAcquire("T2", [Pool(A, B with { Unusable = "unavailable" })]);

        Assert.False(refused.IsGranted);
        var refusal = Assert.Single(refused.Refusals);
        Assert.Equal("pool Remote: 2 workers, 1 leased exclusively by T1, 1 unavailable", refusal.Reason);
        Assert.Equal(["T1"], refusal.BlockedBy);
    }

    [Fact]
    public void TryAcquire_Exclusive_WaitsForAWorkerNobodyHolds_AndThenKeepsOthersOff()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        leases.TryAcquire("T1", [Pool(A)]);

        var exclusive = leases.TryAcquire("T2", [Pool(A) with { Exclusive = true }]);
        leases.Release("T1");
        var granted = leases.TryAcquire("T2", [Pool(A) with { Exclusive = true }]);
        var shared = leases.TryAcquire("T3", [Pool(A)]);

        Assert.Equal("pool Remote: 1 worker, 1 in use by T1 (this task needs a worker to itself)", Assert.Single(exclusive.Refusals).Reason);
        Assert.True(granted.IsGranted);
        Assert.Equal("pool Remote: 1 worker, 1 leased exclusively by T2", Assert.Single(shared.Refusals).Reason);
    }

    [Fact]
    public void TryAcquire_TakesEveryPoolOrNone()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        leases.TryAcquire("T1", [Pool(B) with { Key = "WorkerPools-3", Exclusive = true }]);

        var attempt = leases.TryAcquire("T2", [Pool(A), Pool(B) with { Key = "WorkerPools-3", PoolName = "Other" }]);

        Assert.False(attempt.IsGranted);
        Assert.Equal(0, leases.Count(A.WorkerId));
    }

    [Fact]
    public void TryAcquire_KeepsWorkerAndPoolCaps()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        var cappedA = Candidate("Workers-1", "a", cap: 1);

        leases.TryAcquire("T1", [Pool(cappedA, B) with { MaxConcurrentLeases = 2 }]);
        var second = leases.TryAcquire("T2", [Pool(cappedA, B) with { MaxConcurrentLeases = 2 }]);
        var third = leases.TryAcquire("T3", [Pool(cappedA, B) with { MaxConcurrentLeases = 2 }]);
        var unlimitedPool = leases.TryAcquire("T4", [Pool(cappedA, B)]);

        Assert.Equal("b", second.Granted![0].Worker.Name);
        Assert.Equal("pool Remote: at its cap of 2 concurrent lease(s), held by T1, T2", Assert.Single(third.Refusals).Reason);
        Assert.Equal("b", unlimitedPool.Granted![0].Worker.Name); // a is at its own cap of 1
    }

    [Fact]
    public void Release_GivesBackOnce_AndWakesWaiters()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        leases.TryAcquire("T1", [Pool(A)]);
        var released = leases.Released;

        leases.Release("T1");
        leases.Release("T1");

        Assert.True(released.IsCompletedSuccessfully);
        Assert.False(leases.Released.IsCompleted);
        Assert.Equal(0, leases.Count(A.WorkerId));
    }

    /// <summary>Regression (issue 6): an exclusive waiter was passed, release after release, by tasks sharing its worker.</summary>
    [Fact]
    public void TryAcquire_AnExclusiveWaiter_IsNotPassedByTasksThatShareItsWorker()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        leases.TryAcquire("S1", [Pool(A)]);
        var waiting = leases.TryAcquire("E", [Pool(A) with { Exclusive = true }]);

        var later = leases.TryAcquire("S2", [Pool(A)]);
        leases.Release("S1");
        var laterAgain = leases.TryAcquire("S3", [Pool(A)]); // first after the release: the waiter is still in line
        var granted = leases.TryAcquire("E", [Pool(A) with { Exclusive = true }]);
        var behindTheHolder = leases.TryAcquire("S2", [Pool(A)]);
        leases.Release("E");
        var afterTheWaiter = leases.TryAcquire("S2", [Pool(A)]);

        Assert.False(waiting.IsGranted);
        Assert.Equal("pool Remote: 1 worker, 1 kept for E, waiting ahead of this task", Assert.Single(later.Refusals).Reason);
        Assert.Equal(["E"], later.Refusals[0].BlockedBy);
        Assert.Equal(["E"], later.Ahead);
        Assert.False(laterAgain.IsGranted);
        Assert.True(granted.IsGranted);
        Assert.Equal("pool Remote: 1 worker, 1 leased exclusively by E", Assert.Single(behindTheHolder.Refusals).Reason);
        Assert.True(afterTheWaiter.IsGranted);
        Assert.Equal(["S3"], leases.Waiting());
    }

    [Fact]
    public void TryAcquire_InLine_KeepsFewestLeasesAndAllOrNone_AndPassesWhatTheWaiterDoesNotWaitFor()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        var c = Candidate("Workers-3", "c");
        var other = new PoolDemand("WorkerPools-3", "Other", [c], Exclusive: false);
        leases.TryAcquire("H1", [Pool(A, B)]);
        leases.TryAcquire("H2", [Pool(A, B)]);
        // E needs a worker of Remote to itself and one of Other: it waits for Remote only.
        var waiting = leases.TryAcquire("E", [Pool(A, B) with { Exclusive = true }, other with { Exclusive = true }]);
        var onCWhileWaiting = leases.Count(c.WorkerId);

        var onOther = leases.TryAcquire("L1", [other]);
        var onRemote = leases.TryAcquire("L2", [Pool(A, B)]);
        leases.Release("L1");
        leases.Release("H2"); // b is free: E could take everything now, so it is kept b and c
        var passing = leases.TryAcquire("L3", [Pool(A, B)]);
        var onOtherAgain = leases.TryAcquire("L4", [other]);
        var granted = leases.TryAcquire("E", [Pool(A, B) with { Exclusive = true }, other with { Exclusive = true }]);

        Assert.False(waiting.IsGranted);
        Assert.Equal(0, onCWhileWaiting); // E took none while it waited (all or none)
        Assert.True(onOther.IsGranted); // E is held back by Remote, not by Other
        Assert.Equal("pool Remote: 2 workers, 2 kept for E, waiting ahead of this task", Assert.Single(onRemote.Refusals).Reason);
        Assert.Equal("a", Assert.Single(passing.Granted!).Worker.Name); // b is kept for E; a is shared with H1
        Assert.Equal("pool Other: 1 worker, 1 kept for E, waiting ahead of this task", Assert.Single(onOtherAgain.Refusals).Reason);
        Assert.Equal(["b", "c"], granted.Granted!.Select(l => l.Worker.Name));
    }

    [Fact]
    public void TryAcquire_AWaiterHeldBackOnlyByUnusableWorkers_KeepsNothing_AndOneThatLeavesTheLine_FreesWhatItWasKept()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        var unhealthy = leases.TryAcquire("E1", [Pool(A with { Unusable = "unhealthy" }) with { Key = "WorkerPools-9", PoolName = "Sick", Exclusive = true }]);
        var notHeldBack = leases.TryAcquire("L1", [Pool(B)]);
        leases.Release("L1");
        leases.TryAcquire("H", [Pool(A)]);
        var waiting = leases.TryAcquire("E2", [Pool(A) with { Exclusive = true }]);
        var behind = leases.TryAcquire("L2", [Pool(A)]);
        var changed = leases.Released;

        leases.StopWaiting("E2");
        var afterwards = leases.TryAcquire("L2", [Pool(A)]);

        Assert.False(unhealthy.IsGranted);
        Assert.True(notHeldBack.IsGranted);
        Assert.False(waiting.IsGranted);
        Assert.Equal(["E2"], behind.Ahead); // E1 waits too, but for another pool
        Assert.True(changed.IsCompletedSuccessfully);
        Assert.True(afterwards.IsGranted);
        Assert.Equal(["E1"], leases.Waiting());
    }

    [Fact]
    public void TryAcquire_InLine_CountsWaitersAgainstCaps()
    {
        var leases = new WorkerLeases(TimeProvider.System);
        var capped = Candidate("Workers-1", "a", cap: 2);
        leases.TryAcquire("H1", [Pool(capped) with { MaxConcurrentLeases = 2 }]);
        leases.TryAcquire("H2", [Pool(capped) with { MaxConcurrentLeases = 2 }]);
        leases.TryAcquire("E", [Pool(capped) with { MaxConcurrentLeases = 2 }]);
        leases.Release("H1");

        var poolCap = leases.TryAcquire("L1", [Pool(capped) with { MaxConcurrentLeases = 2 }]);
        var workerCap = leases.TryAcquire("L2", [Pool(capped)]);
        var granted = leases.TryAcquire("E", [Pool(capped) with { MaxConcurrentLeases = 2 }]);

        Assert.Equal("pool Remote: at its cap of 2 concurrent lease(s), held by H2 and kept for E, waiting ahead of this task", Assert.Single(poolCap.Refusals).Reason);
        Assert.Equal("pool Remote: 1 worker, 1 kept for E, waiting ahead of this task", Assert.Single(workerCap.Refusals).Reason);
        Assert.True(granted.IsGranted);
    }

    private static PoolDemand Pool(params LeaseCandidate[] workers) => new("WorkerPools-2", "Remote", workers, Exclusive: false);

    private static LeaseCandidate Candidate(string id, string name, int? cap = null) =>
        new(new Worker { Id = id, Name = name, MaxConcurrentLeases = cap });
}
