using System.Globalization;

namespace TriageBot.Bench.Driver;

/// <summary>
/// One worker's pauses in the paced phase: before each turn it sends, it waits as a member of staff (or the duty lead)
/// takes to read the bot's answer and reply, uniformly between 0.5 and 1.5 times the mean. The Random is seeded with
/// the worker's index, so a run is repeatable and the floor and TriageBot get the same pauses. The pause ends before
/// the turn's POST is timestamped: it is never part of a turn's latency, nor of report-to-card.
/// </summary>
internal sealed class ThinkTimePacer(TimeSpan mean, int worker)
{
    private readonly Random _random = new(worker);

    public Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(mean * (0.5 + _random.NextDouble()), cancellationToken);

    /// <summary>"0.5–1.5 s", or "25–75 ms" for a mean under a second.</summary>
    public static string Range(TimeSpan mean) => mean >= TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{mean.TotalSeconds * 0.5:0.##}–{mean.TotalSeconds * 1.5:0.##} s")
        : string.Create(CultureInfo.InvariantCulture, $"{mean.TotalMilliseconds * 0.5:0.#}–{mean.TotalMilliseconds * 1.5:0.#} ms");
}
