using Microsoft.Extensions.Options;

namespace TriageBot.LoadShedding;

/// <summary>
/// Counts the requests to /api/messages in flight and refuses one above LoadShedding:MaxTurnsInFlight, so a burst is
/// answered 503 + Retry-After (the channel retries) instead of queueing without bound in memory. Nothing has been read
/// or written for a refused request.
/// </summary>
public sealed class TurnAdmission(IOptions<LoadSheddingOptions> options)
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int RetryAfterSeconds => Math.Max(1, options.Value.RetryAfterSeconds);

    /// <summary>A slot to dispose when the request is answered, or null when too many are in flight.</summary>
    public IDisposable? TryEnter()
    {
        var limit = options.Value.MaxTurnsInFlight;
        if (Interlocked.Increment(ref _inFlight) > limit && limit > 0)
        {
            Interlocked.Decrement(ref _inFlight);
            return null;
        }

        return new Slot(this);
    }

    private sealed class Slot(TurnAdmission admission) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                Interlocked.Decrement(ref admission._inFlight);
            }
        }
    }
}
