namespace TriageBot.Connector.Tests.Client;

/// <summary>
/// A clock that moves only when a test moves it. Timers (Polly's retry delays and attempt timeouts, which Polly creates
/// through the TimeProvider) fire when the clock passes their due time, so a retry test waits for nothing.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(TimeSpan Within, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<TimeSpan> _advances = [];
    private DateTimeOffset _now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Each step <see cref="RunAsync{T}"/> moved the clock by, i.e. each wait the code under test asked for.</summary>
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

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _timers.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt)];
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Completes once a timer is pending that is due within <paramref name="within"/> from now.</summary>
    public Task WaitForTimerAsync(TimeSpan within)
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.DueAt - _now <= within))
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
                var next = _timers.Where(t => t.DueAt - _now <= limit).Select(t => (DateTimeOffset?)t.DueAt).Min();
                if (next is null)
                {
                    continue;
                }

                step = next.Value - _now;
                _advances.Add(step);
            }

            Advance(step);
        }
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime)
    {
        List<TaskCompletionSource> released = [];
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + dueTime;
            _timers.Add(timer);
            foreach (var waiter in _waiters.Where(w => dueTime <= w.Within).ToList())
            {
                _waiters.Remove(waiter);
                released.Add(waiter.Signal);
            }
        }

        released.ForEach(signal => signal.TrySetResult());
    }

    private void Disarm(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Arm(this, dueTime);
            return true;
        }

        public void Fire()
        {
            callback(state);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                clock.Arm(this, _period);
            }
        }

        public void Dispose() => clock.Disarm(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
