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

    private static PoolDemand Pool(params LeaseCandidate[] workers) => new("WorkerPools-2", "Remote", workers, Exclusive: false);

    private static LeaseCandidate Candidate(string id, string name, int? cap = null) =>
        new(new Worker { Id = id, Name = name, MaxConcurrentLeases = cap });
}
