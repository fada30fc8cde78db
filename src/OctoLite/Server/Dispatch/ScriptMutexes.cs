namespace OctoLite.Server.Dispatch;

/// <summary>
/// Named mutexes per worker (script isolation): reader/writer locks keyed by worker and name. A script with isolation
/// Full holds its mutex exclusively, one with isolation None shares it, so a Full script waits for every script
/// running under the same name on that worker and keeps new ones off until it ends. Every script reaches a worker
/// through this server, so a lock held here is exact for the worker — for the built-in worker as for tentacles.
/// </summary>
/// <remarks>
/// Grants are first come, first served: a waiting exclusive request holds back shared requests that come after
/// it, so a steady stream of isolation-None scripts cannot starve a Full one. One lock guards every mutex: they
/// are touched once per script start and end. Held in memory only; after a restart, scripts followed again on
/// tentacles take theirs back at once (<see cref="Reclaim"/>).
/// </remarks>
internal sealed class ScriptMutexes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Worker, string Name), MutexState> _mutexes = new(new KeyComparer());

    /// <summary>Asks for the mutex; the ticket's <see cref="MutexTicket.Granted"/> completes when it is held.</summary>
    public MutexTicket Enter(string workerId, string name, string taskId, bool exclusive)
    {
        lock (_gate)
        {
            var state = State(workerId, name);
            var ticket = new MutexTicket(this, (workerId, name), taskId, exclusive);
            state.Queue.AddLast(ticket);
            Grant(state);
            return ticket;
        }
    }

    /// <summary>Holds the mutex at once, whatever holds it already: for a script that kept running through a restart.</summary>
    public MutexTicket Reclaim(string workerId, string name, string taskId, bool exclusive)
    {
        lock (_gate)
        {
            var state = State(workerId, name);
            var ticket = new MutexTicket(this, (workerId, name), taskId, exclusive);
            state.Holders.Add(ticket);
            ticket.MarkGranted();
            Changed(state);
            return ticket;
        }
    }

    /// <summary>Who holds the mutex now, who waits ahead of <paramref name="ticket"/>, and a task completing at the next change.</summary>
    public (IReadOnlyList<MutexTicket> Holders, IReadOnlyList<MutexTicket> Ahead, Task Changed) Look(MutexTicket ticket)
    {
        lock (_gate)
        {
            var state = State(ticket.Key.Worker, ticket.Key.Name);
            var ahead = state.Queue.TakeWhile(t => t != ticket).ToList();
            return (state.Holders.ToList(), ahead, state.Changed.Task);
        }
    }

    /// <summary>Gives the mutex back, or stops waiting for it.</summary>
    internal void Leave(MutexTicket ticket)
    {
        lock (_gate)
        {
            if (!_mutexes.TryGetValue(ticket.Key, out var state))
            {
                return;
            }

            if (!state.Holders.Remove(ticket) && !state.Queue.Remove(ticket))
            {
                return;
            }

            Grant(state);
            Changed(state);
            if (state.Holders.Count == 0 && state.Queue.Count == 0)
            {
                _mutexes.Remove(ticket.Key);
            }
        }
    }

    private MutexState State(string workerId, string name)
    {
        if (!_mutexes.TryGetValue((workerId, name), out var state))
        {
            _mutexes[(workerId, name)] = state = new MutexState();
        }

        return state;
    }

    /// <summary>Grants waiting tickets in order while each can hold alongside the holders.</summary>
    private static void Grant(MutexState state)
    {
        var granted = false;
        while (state.Queue.First?.Value is { } next && (next.Exclusive ? state.Holders.Count == 0 : !state.Holders.Any(h => h.Exclusive)))
        {
            state.Queue.RemoveFirst();
            state.Holders.Add(next);
            next.MarkGranted();
            granted = true;
        }

        if (granted)
        {
            Changed(state);
        }
    }

    private static void Changed(MutexState state)
    {
        var changed = state.Changed;
        state.Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private sealed class MutexState
    {
        public List<MutexTicket> Holders { get; } = [];
        public LinkedList<MutexTicket> Queue { get; } = new();
        public TaskCompletionSource Changed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Worker ids exactly, mutex names ignoring case.</summary>
    private sealed class KeyComparer : IEqualityComparer<(string Worker, string Name)>
    {
        public bool Equals((string Worker, string Name) x, (string Worker, string Name) y) =>
            string.Equals(x.Worker, y.Worker, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Worker, string Name) key) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(key.Worker), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }
}
