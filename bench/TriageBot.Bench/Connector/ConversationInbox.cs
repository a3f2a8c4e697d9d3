namespace TriageBot.Bench.Connector;

/// <summary>
/// What the connector received for one conversation (or, for the duty leads, for several) and nobody has taken yet,
/// in arrival order, with waiters for activities that arrive after the turn that caused them (cards from the outbox).
/// </summary>
internal sealed class ConversationInbox
{
    private readonly List<ReceivedActivity> _received = [];
    private readonly List<Waiter> _waiters = [];

    public void Add(ReceivedActivity activity)
    {
        lock (_received)
        {
            _received.Add(activity);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(activity) && activity.TryClaim())
                {
                    _waiters[i].Found.TrySetResult(activity);
                    _waiters.RemoveAt(i);
                    _received.Remove(activity);
                    break;
                }
            }
        }
    }

    /// <summary>Everything received since the last drain, oldest first; the inbox is then empty.</summary>
    public IReadOnlyList<ReceivedActivity> Drain()
    {
        lock (_received)
        {
            if (_received.Count == 0)
            {
                return [];
            }

            var all = _received.ToArray();
            _received.Clear();
            return all;
        }
    }

    /// <summary>The first unclaimed activity that matches, already here or arriving within the timeout; null after it.</summary>
    public async Task<ReceivedActivity?> WaitForAsync(Func<ReceivedActivity, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_received)
        {
            if (_received.FirstOrDefault(a => match(a) && a.TryClaim()) is { } already)
            {
                _received.Remove(already);
                return already;
            }

            waiter = new Waiter(match, new TaskCompletionSource<ReceivedActivity>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Found.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_received)
            {
                _waiters.Remove(waiter);
            }

            return waiter.Found.Task.IsCompletedSuccessfully ? waiter.Found.Task.Result : null;
        }
    }

    private sealed record Waiter(Func<ReceivedActivity, bool> Match, TaskCompletionSource<ReceivedActivity> Found);
}
