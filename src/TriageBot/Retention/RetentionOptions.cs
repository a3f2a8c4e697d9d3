namespace TriageBot.Retention;

/// <summary>
/// Configuration section "Retention": how long after an incident is closed what staff typed about the student is kept.
/// Off until the school sets it: the period is the school's records policy (for schools in England, the Information
/// and Records Management Society's toolkit for schools is the usual reference), not something the bot can choose.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days after closure before the personal data is destroyed; 0 or unset: never.</summary>
    public int AfterClosureDays { get; set; }

    /// <summary>How often the purge looks for incidents past the period.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromHours(1);

    public bool IsOn => AfterClosureDays > 0;
}
