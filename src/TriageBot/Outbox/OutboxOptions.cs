namespace TriageBot.Outbox;

/// <summary>How the outbox sender works. Bound from the Outbox section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the sender looks for due messages when nothing woke it (a new message wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many messages are delivered at once. A school-wide incident makes many at the same moment; a delivery
    /// mostly waits (for the connector, for its record to be written), so several go together.
    /// </summary>
    public int ConcurrentDeliveries { get; set; } = 16;

    /// <summary>Longest wait between two attempts at one message (backoff doubles from 2 seconds up to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message claimed by a sender that died is retried after this long.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
