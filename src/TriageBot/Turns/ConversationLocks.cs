namespace TriageBot.Turns;

/// <summary>
/// One gate per conversation inside this process, so two turns of the same conversation run one after the other.
/// (Across processes the store's version check does the same job.) Gates are dropped when nobody holds or waits for them.
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Gates held or waited for now: at most the turns in flight, never every conversation ever seen.</summary>
    public int Count
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                gate = new Gate();
                _gates[key] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, gate, heldSemaphore: false);
            throw;
        }

        return new Lease(() => Release(key, gate, heldSemaphore: true));
    }

    private void Release(string key, Gate gate, bool heldSemaphore)
    {
        if (heldSemaphore)
        {
            gate.Semaphore.Release();
        }

        lock (_gates)
        {
            gate.Users--;
            if (gate.Users == 0)
            {
                _gates.Remove(key);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
