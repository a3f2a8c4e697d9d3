namespace TriageBot.FollowUps;

/// <summary>The outbox kinds and payload values of follow-up messages (see <see cref="FollowUpDelivery"/>).</summary>
public static class FollowUpOutbox
{
    /// <summary>A task's card (payload: followUp, purpose, and personId when it goes to someone other than the owner).</summary>
    public const string TaskCard = "follow_up_card";

    /// <summary>The morning digest to a designated lead (payload: personId, day, overdue).</summary>
    public const string Digest = "follow_up_digest";

    public const string ReminderPurpose = "reminder";
    public const string OverduePurpose = "overdue";
}
