namespace TriageBot.Telemetry;

/// <summary>Reads the backlog the gauges report. Synchronous: metric callbacks are.</summary>
public interface IOperationalReader
{
    OperationalSnapshot Read(DateTimeOffset now);
}
