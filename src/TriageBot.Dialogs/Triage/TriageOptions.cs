namespace TriageBot.Dialogs.Triage;

/// <summary>How the triage conversation behaves, beyond the school's content.</summary>
/// <param name="ResumeOfferAfter">
/// A member of staff who comes back to an open report after this long is asked whether to carry on, instead of having
/// their first message taken as an answer.
/// </param>
public sealed record TriageOptions(TimeSpan ResumeOfferAfter)
{
    public static TriageOptions Default { get; } = new(TimeSpan.FromMinutes(30));
}
