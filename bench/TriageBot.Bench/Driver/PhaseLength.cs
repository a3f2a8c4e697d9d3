using System.Diagnostics;
using System.Globalization;

namespace TriageBot.Bench.Driver;

/// <summary>
/// When the workers of a phase stop starting reports (each still finishes the one it is in). A measured phase ends at
/// whichever limit comes first. A warm-up goes on until both are reached, because .NET's tiered JIT and PGO finish
/// after some seconds, not after some number of requests: a fast bot warmed by count alone is measured half-warm.
/// </summary>
internal sealed record PhaseLength(long? Reports, TimeSpan? Duration, bool UntilBoth)
{
    /// <summary>Until N reports were started or the time is up, whichever comes first; either may be absent.</summary>
    public static PhaseLength UpTo(long? reports, TimeSpan? duration) => new(reports, duration, UntilBoth: false);

    /// <summary>Until at least N reports were started and at least this long has passed.</summary>
    public static PhaseLength AtLeast(long reports, TimeSpan duration) => new(reports, duration, UntilBoth: true);

    /// <summary>For the progress lines: "640 reports", "reports for at most 20 s", "at least 64 reports and 15 s".</summary>
    public string Describe()
    {
        var reports = Reports is { } n ? string.Create(CultureInfo.InvariantCulture, $"{n:N0} reports") : "reports";
        var seconds = Duration is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.#} s") : null;
        return UntilBoth
            ? $"at least {reports}{(seconds is null ? string.Empty : $" and {seconds}")}"
            : $"{reports}{(seconds is null ? string.Empty : $" for at most {seconds}")}";
    }

    /// <summary>Starts the clock: from now on the workers ask the gate before each report.</summary>
    public Gate Start() => new(this, Duration is { } limit ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency) : long.MaxValue);

    /// <summary>One run of the phase, shared by its workers.</summary>
    internal sealed class Gate(PhaseLength length, long deadline)
    {
        private long _started;

        /// <summary>True when the asking worker may start another report (it is then counted as started).</summary>
        public bool MayStartReport()
        {
            var inTime = Stopwatch.GetTimestamp() < deadline;
            if (length.UntilBoth)
            {
                return Interlocked.Increment(ref _started) <= (length.Reports ?? 0) || inTime;
            }

            return inTime && (length.Reports is not { } max || Interlocked.Increment(ref _started) <= max);
        }
    }
}
