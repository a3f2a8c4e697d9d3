namespace TriageBot.Bench.Driver;

/// <summary>How the driver behaves, the same for the floor and for TriageBot.</summary>
internal sealed record DriverSettings(
    string RunId,
    TimeSpan TurnTimeout,
    TimeSpan CardTimeout,
    TextWriter? Trace);
