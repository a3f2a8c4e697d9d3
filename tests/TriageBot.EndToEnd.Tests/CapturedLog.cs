using System.Globalization;

namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// A thread-safe, bounded list of timestamped lines (a process's output, a page's console, the bot's log) that a test
/// writes to its output when it fails.
/// </summary>
public sealed class CapturedLog(string name, int maxLines = 2000)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();
    private int dropped;

    public string Name { get; } = name;

    public void Add(string line)
    {
        var stamped = $"{DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}";
        lock (gate)
        {
            lines.Enqueue(stamped);
            if (lines.Count > maxLines)
            {
                lines.Dequeue();
                dropped++;
            }
        }
    }

    public string Dump()
    {
        lock (gate)
        {
            var header = dropped > 0 ? $"----- {Name} (first {dropped} lines dropped) -----" : $"----- {Name} -----";
            return lines.Count == 0
                ? $"{header}{Environment.NewLine}(nothing captured)"
                : header + Environment.NewLine + string.Join(Environment.NewLine, lines);
        }
    }
}
