namespace TriageBot.FollowUps;

/// <summary>Configuration section "FollowUps": how often due reminders, overdue tasks and the digest are checked.</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUps";

    /// <summary>
    /// How often the timer makes the tasks of finished reports and decisions, and looks for due reminders, overdue tasks
    /// and the morning digest. Short, so a busy hour's tasks are made a few at a time rather than in one long write that
    /// holds up the turns waiting behind it.
    /// </summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(5);
}
