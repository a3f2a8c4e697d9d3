namespace TriageBot.IncidentLog;

/// <summary>The incident log's in-memory limits. Bound from the IncidentLog section.</summary>
public sealed class IncidentLogOptions
{
    public const string SectionName = "IncidentLog";

    /// <summary>Unwrapped incident keys kept in memory (least recently used first out), so a busy incident's events need not be unwrapped each time.</summary>
    public int KeyCacheSize { get; set; } = 1024;
}
