using System.Collections.Concurrent;
using System.Diagnostics;

namespace TriageBot.Bench.Reporting;

/// <summary>
/// Everything one phase of a run measured. Latencies are kept as individual samples (milliseconds) so percentiles
/// come from all of them, never from averages of per-worker figures.
/// </summary>
internal sealed class RunMetrics
{
    private readonly ConcurrentQueue<double> _turnMs = new();
    private readonly ConcurrentQueue<double> _reportToCardMs = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _conversationsStarted;
    private long _conversationsCompleted;
    private int _aborted;

    public TimeSpan Elapsed { get; set; }

    public long ConversationsStarted => Interlocked.Read(ref _conversationsStarted);

    public long ConversationsCompleted => Interlocked.Read(ref _conversationsCompleted);

    public long Turns => _turnMs.Count;

    /// <summary>True when the phase was stopped because nothing was completing.</summary>
    public bool Aborted => Volatile.Read(ref _aborted) == 1;

    public double TurnsPerSecond => Elapsed > TimeSpan.Zero ? Turns / Elapsed.TotalSeconds : 0;

    public int ErrorCount => _errors.Values.Sum();

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public LatencySummary TurnLatency => LatencySummary.Of(_turnMs);

    public LatencySummary ReportToCard => LatencySummary.Of(_reportToCardMs);

    public void ConversationStarted() => Interlocked.Increment(ref _conversationsStarted);

    public void ConversationCompleted() => Interlocked.Increment(ref _conversationsCompleted);

    public void Turn(long startTimestamp, long endTimestamp) => _turnMs.Enqueue(Milliseconds(startTimestamp, endTimestamp));

    public void Escalated(long sentTimestamp, long arrivedTimestamp) => _reportToCardMs.Enqueue(Milliseconds(sentTimestamp, arrivedTimestamp));

    public void Abort() => Interlocked.Exchange(ref _aborted, 1);

    public void Error(string kind) => _errors.AddOrUpdate(kind, 1, (_, count) => count + 1);

    private static double Milliseconds(long start, long end) => Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
}

/// <summary>Nearest-rank percentiles over every sample.</summary>
internal sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> samples)
    {
        var sorted = samples.ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99), sorted[^1]);
    }

    /// <summary>The smallest sample with at least <paramref name="percent"/>% of all samples at or below it.</summary>
    private static double Rank(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
