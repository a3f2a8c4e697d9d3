namespace TriageBot.Faults;

/// <summary>The short reference of a failed request or turn: in the log line, in the answer to the caller and in the apology to staff.</summary>
public static class CorrelationIds
{
    public static string New() =>
        System.Diagnostics.Activity.Current?.TraceId.ToHexString()[..12] ?? Guid.NewGuid().ToString("N")[..12];
}
