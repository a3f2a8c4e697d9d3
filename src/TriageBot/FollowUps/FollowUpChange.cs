namespace TriageBot.FollowUps;

/// <summary>What someone asks to do to a follow-up task, from its card or by typing.</summary>
public enum FollowUpVerb
{
    Done,
    Snooze,
    Reassign,
    AddNote,
}

/// <summary>A change to a task: the verb and what it needs (how long to snooze, to whom, the note).</summary>
public sealed record FollowUpChange(long Number, FollowUpVerb Verb, string? SnoozeFor = null, string? AssignTo = null, string? Note = null);

public enum FollowUpChangeResult
{
    Changed,
    AlreadyDone,
    NotAllowed,
    Unknown,
}

/// <summary>How a change went, with the task as it now stands (null when there is no such task).</summary>
public sealed record FollowUpChangeOutcome(FollowUpChangeResult Result, FollowUpRecord? Task, string Message);
