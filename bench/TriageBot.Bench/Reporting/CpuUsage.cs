using System.Globalization;

namespace TriageBot.Bench.Reporting;

/// <summary>
/// CPU time over an interval from /proc: the whole machine's busy time, the target process's and the bench's own, so
/// the table can say how much of the cores went to other processes (a shared machine makes figures worse, not better).
/// </summary>
internal sealed class CpuUsage
{
    private readonly int _targetPid;
    private readonly long _machineBusy;
    private readonly long _machineTotal;
    private readonly long _target;
    private readonly long _self;

    private CpuUsage(int targetPid)
    {
        _targetPid = targetPid;
        (_machineBusy, _machineTotal) = Machine();
        _target = ProcessTicks(targetPid);
        _self = ProcessTicks(Environment.ProcessId);
    }

    public static CpuUsage Start(int targetPid) => new(targetPid);

    /// <summary>Shares of all cores (1.0 = every core busy the whole time) since <see cref="Start"/>.</summary>
    public CpuShares Stop()
    {
        var (busy, total) = Machine();
        var elapsed = Math.Max(1, total - _machineTotal);
        var target = (ProcessTicks(_targetPid) - _target) / (double)elapsed;
        var self = (ProcessTicks(Environment.ProcessId) - _self) / (double)elapsed;
        var machine = (busy - _machineBusy) / (double)elapsed;
        return new CpuShares(target, self, Math.Max(0, machine - target - self));
    }

    /// <summary>Busy and total jiffies over all cores (the "cpu" line of /proc/stat).</summary>
    private static (long Busy, long Total) Machine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return (total - idle, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>utime + stime of a process, in jiffies (fields 14 and 15 of /proc/PID/stat).</summary>
    internal static long ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>Shares of the machine's cores: the target bot, the bench (driver and connector), everything else.</summary>
internal sealed record CpuShares(double Target, double Bench, double Others);
