namespace TriageBot.FollowUps;

/// <summary>Configuration section "FollowUps": how often due reminders, overdue tasks and the digest are checked.</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUps";

    /// <summary>How often the timer looks for due reminders, overdue tasks and the morning digest.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(30);
}
