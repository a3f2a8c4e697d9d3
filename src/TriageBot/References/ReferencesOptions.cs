namespace TriageBot.References;

/// <summary>How much the conversation reference capture remembers. Bound from the References section.</summary>
public sealed class ReferencesOptions
{
    public const string SectionName = "References";

    /// <summary>
    /// Conversations (with their user) whose stored reference this process remembers as unchanged, so their next
    /// activity writes nothing (least recently used first out). One forgotten only costs a write on its next activity.
    /// </summary>
    public int RecentCacheSize { get; set; } = 4096;
}
