namespace TriageBot.FollowUps;

/// <summary>Where a follow-up task stands, as stored.</summary>
public static class FollowUpStatuses
{
    public const string Open = "open";
    public const string Done = "done";
}
