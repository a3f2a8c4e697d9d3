namespace TriageBot.Escalations;

/// <summary>How escalations wait and move on. Bound from the Escalations section.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalations";

    /// <summary>Minutes an emergency card waits for the lead before it goes to the next person.</summary>
    public double EmergencyNowMinutes { get; set; } = 2;

    /// <summary>Minutes a same-day card waits before it goes to the next person.</summary>
    public double UrgentSameDayMinutes { get; set; } = 10;

    /// <summary>School days a targeted-support card waits.</summary>
    public int TargetedSupportSchoolDays { get; set; } = 1;

    /// <summary>School days a universal-support card waits.</summary>
    public int UniversalSupportSchoolDays { get; set; } = 1;

    /// <summary>
    /// For emergency and same-day escalations: how often the reporter is asked whether they are still with the student,
    /// until the lead decides. 0 turns the check-ins off.
    /// </summary>
    public double EyesOnMinutes { get; set; } = 5;

    /// <summary>How often open escalations are checked against their deadlines.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(5);

    public Dialogs.Escalations.EscalationTimeouts ToTimeouts() => new(
        TimeSpan.FromMinutes(EmergencyNowMinutes),
        TimeSpan.FromMinutes(UrgentSameDayMinutes),
        TargetedSupportSchoolDays,
        UniversalSupportSchoolDays);
}
