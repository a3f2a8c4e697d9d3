namespace TriageBot.Dialogs.Protocols.Scoring;

/// <summary>An answer to an ASQ question. The student may decline to answer; NIMH counts that as positive.</summary>
public enum AsqAnswer
{
    Yes,
    No,
    Declined,
}
