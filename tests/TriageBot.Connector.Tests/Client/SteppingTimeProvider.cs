using Microsoft.Extensions.Time.Testing;

namespace TriageBot.Connector.Tests.Client;

/// <summary>
/// FakeTimeProvider (its timers fire when the clock passes their due time) plus what a retry test needs and it lacks:
/// knowing which timers are pending, so <see cref="RunAsync{T}"/> can move the clock to each retry delay the moment
/// Polly asks for it, and a record of those steps (<see cref="Waits"/>), each a wait the code under test asked for.
/// </summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<SteppingTimer> _pending = [];
    private readonly List<(TimeSpan Within, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<TimeSpan> _advances = [];

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _advances];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppingTimer(this);
        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once a timer is pending that is due within <paramref name="within"/> from now.</summary>
    public Task WaitForTimerAsync(TimeSpan within)
    {
        lock (_gate)
        {
            var now = GetUtcNow();
            ForgetFired(now);
            if (_pending.Any(t => t.DueAt - now <= within))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((within, signal));
            return signal.Task;
        }
    }

    /// <summary>
    /// Lets <paramref name="work"/> run, moving the clock to each timer due within <paramref name="within"/> (default one
    /// minute) as soon as one is pending. Longer timers (a test's attempt timeout) never fire on their own.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> work, TimeSpan? within = null)
    {
        await RunAsync((Task)work, within);
        return await work;
    }

    public async Task RunAsync(Task work, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromMinutes(1);
        while (true)
        {
            var timerPending = WaitForTimerAsync(limit);
            if (await Task.WhenAny(work, timerPending) == work)
            {
                await work;
                return;
            }

            TimeSpan step;
            lock (_gate)
            {
                var now = GetUtcNow();
                ForgetFired(now);
                var next = _pending.Where(t => t.DueAt - now <= limit).Select(t => (DateTimeOffset?)t.DueAt).Min();
                if (next is null)
                {
                    continue;
                }

                step = next.Value - now;
                _advances.Add(step);
            }

            Advance(step);
        }
    }

    /// <summary>
    /// A timer due at or before now has fired (FakeTimeProvider fires what is due as the clock moves or a timer is set),
    /// so an entry still saying otherwise lost a race with that firing: forgetting it keeps a run from stepping to it.
    /// </summary>
    private void ForgetFired(DateTimeOffset now) => _pending.RemoveAll(t => t.DueAt <= now);

    private void Track(SteppingTimer timer, TimeSpan dueTime)
    {
        List<TaskCompletionSource> released = [];
        lock (_gate)
        {
            _pending.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = GetUtcNow() + dueTime;
            _pending.Add(timer);
            foreach (var waiter in _waiters.Where(w => dueTime <= w.Within).ToList())
            {
                _waiters.Remove(waiter);
                released.Add(waiter.Signal);
            }
        }

        released.ForEach(signal => signal.TrySetResult());
    }

    private void Untrack(SteppingTimer timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
        }
    }

    /// <summary>FakeTimeProvider's timer does the firing; this one only keeps its due time visible.</summary>
    private sealed class SteppingTimer(SteppingTimeProvider clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Armed first, then made visible, so a run never steps to a timer FakeTimeProvider does not hold yet.
            _period = period;
            var changed = Inner.Change(dueTime, period);
            clock.Track(this, dueTime);
            return changed;
        }

        public void Fired() => clock.Track(this, _period is var p && p > TimeSpan.Zero ? p : Timeout.InfiniteTimeSpan);

        public void Dispose()
        {
            clock.Untrack(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
