namespace TriageBot.FollowUps;

/// <summary>Incident event types about follow-up tasks; every change to a task is one of these. Never rename one.</summary>
public static class FollowUpEventTypes
{
    /// <summary>A task was made by a rule (data: followUp number, rule, subject, title, owner, due).</summary>
    public const string Created = "follow_up.created";

    /// <summary>Its owner was sent a reminder card.</summary>
    public const string Reminded = "follow_up.reminded";

    /// <summary>It was still open past its due time plus the overdue allowance; the duty lead was told.</summary>
    public const string OverdueEscalated = "follow_up.overdue_escalated";

    /// <summary>Its owner (or a lead) marked it done.</summary>
    public const string Done = "follow_up.done";

    /// <summary>The reminder was put off until a later moment (the due time is unchanged).</summary>
    public const string Snoozed = "follow_up.snoozed";

    /// <summary>Someone else owns it now.</summary>
    public const string Reassigned = "follow_up.reassigned";

    /// <summary>A note was added (its text is kept encrypted, as it may describe the student).</summary>
    public const string NoteAdded = "follow_up.note_added";

    /// <summary>Someone who neither owns the task nor is a lead tried to change it; nothing changed.</summary>
    public const string ChangeRefused = "follow_up.change_refused";

    /// <summary>The morning digest went to a designated lead (recorded on no incident: see <see cref="DailyDigest"/>).</summary>
    public const string DigestSent = "follow_up.digest_sent";
}
