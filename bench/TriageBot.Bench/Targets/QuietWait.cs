using System.Diagnostics;

namespace TriageBot.Bench.Targets;

/// <summary>
/// Waits until a bot has finished what a saturated phase left it (outbox deliveries, projections, follow-up tasks), so
/// the paced phase measures staff at their pace and not the tail of the burst before it. Quiet means the process used
/// under <see cref="MaxCoreShare"/> of one core for <see cref="Window"/> in a row; longer than the bot's 5 s timers, so
/// a tick with work left is seen.
/// </summary>
internal static class QuietWait
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(180);
    public const double MaxCoreShare = 0.10;

    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(500);

    /// <returns>
    /// How long the bot took to become quiet (from the end of the phase; null when it never did within <see cref="Longest"/>)
    /// and the CPU time it used meanwhile.
    /// </returns>
    public static async Task<(TimeSpan? After, TimeSpan Cpu)> UntilQuietAsync(int pid, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var startTicks = ProcessTicks(pid);
        var samples = new Queue<(TimeSpan At, long Ticks)>();
        var ticksPerSecond = 100.0; // USER_HZ on Linux
        while (clock.Elapsed < Longest)
        {
            samples.Enqueue((clock.Elapsed, ProcessTicks(pid)));
            while (samples.Count > 1 && clock.Elapsed - samples.Peek().At > Window)
            {
                samples.Dequeue();
            }

            var (firstAt, firstTicks) = samples.Peek();
            var span = clock.Elapsed - firstAt;
            var ticks = ProcessTicks(pid);
            if (span >= Window - Sample && (ticks - firstTicks) / ticksPerSecond / span.TotalSeconds < MaxCoreShare)
            {
                // Quiet since the start of the window; what it used in the window is idle ticking, not catching up.
                var after = clock.Elapsed - span;
                return (after, TimeSpan.FromSeconds((firstTicks - startTicks) / ticksPerSecond));
            }

            await Task.Delay(Sample, cancellationToken);
        }

        return (null, TimeSpan.FromSeconds((ProcessTicks(pid) - startTicks) / ticksPerSecond));
    }

    private static long ProcessTicks(int pid) => Reporting.CpuUsage.ProcessTicks(pid);
}
