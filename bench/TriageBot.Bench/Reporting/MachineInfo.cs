using System.Globalization;
using System.Runtime.InteropServices;

namespace TriageBot.Bench.Reporting;

/// <summary>The machine a run was made on, read from /proc and /etc/os-release (Linux), for the results table.</summary>
internal sealed record MachineInfo(string Cpu, int LogicalCores, string Memory, string OperatingSystem, string Kernel, string Runtime)
{
    public static MachineInfo Read()
    {
        var cpuinfo = ReadLines("/proc/cpuinfo");
        var model = cpuinfo.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var cores = cpuinfo.Count(l => l.StartsWith("processor", StringComparison.Ordinal));
        var memTotal = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memory = memTotal is null
            ? "unknown"
            : (long.Parse(memTotal.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("0.0' GiB'", CultureInfo.InvariantCulture);
        var os = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
                 ?? RuntimeInformation.OSDescription;
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() ?? RuntimeInformation.OSDescription;
        return new MachineInfo(model, cores > 0 ? cores : Environment.ProcessorCount, memory, os, kernel, RuntimeInformation.FrameworkDescription);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Cpu}, {LogicalCores} logical cores; {Memory} RAM; {OperatingSystem}, Linux {Kernel}; {Runtime} ({RuntimeInformation.ProcessArchitecture})");

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
