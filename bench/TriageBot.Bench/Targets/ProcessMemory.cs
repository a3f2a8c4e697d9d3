using System.Globalization;

namespace TriageBot.Bench.Targets;

/// <summary>
/// A process's resident memory from /proc/PID/status: VmRSS now, VmHWM (the kernel's high-water mark over the
/// process's whole life), and the highest VmRSS seen while <see cref="SampleAsync"/> ran.
/// </summary>
internal sealed class ProcessMemory(int pid)
{
    private long _peakRssKb;

    public int Pid => pid;

    public long PeakSampledRssKb => Interlocked.Read(ref _peakRssKb);

    public long? RssKb => Read("VmRSS:");

    public long? HighWaterMarkKb => Read("VmHWM:");

    /// <summary>Samples VmRSS every <paramref name="interval"/> until cancelled; the highest is <see cref="PeakSampledRssKb"/>.</summary>
    public async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _peakRssKb, 0);
        using var timer = new PeriodicTimer(interval);
        do
        {
            if (RssKb is { } rss && rss > Interlocked.Read(ref _peakRssKb))
            {
                Interlocked.Exchange(ref _peakRssKb, rss);
            }
        }
        while (await Tick(timer, cancellationToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private long? Read(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var number = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(number, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process has gone; nothing to read.
        }

        return null;
    }
}
