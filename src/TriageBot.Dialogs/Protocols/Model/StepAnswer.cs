namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>One answer to a question step.</summary>
/// <param name="Next">The step it leads to, or <see cref="ProtocolStep.End"/> (always end for an answer that switches protocol).</param>
/// <param name="Level">The response level this answer calls for, if any (the most urgent level on a path wins).</param>
/// <param name="AskReason">The dialog asks for the reasoning and records it (parent/carer contact decisions).</param>
public sealed record StepAnswer(
    string Id,
    string Label,
    string Next,
    ResponseLevel? Level,
    bool AskReason,
    ContentLocation Location)
{
    /// <summary>
    /// The protocol the report switches to on this answer (abuse by a member of staff goes to the staff-allegation
    /// route, never to a duty lead who may be the person accused), or null. The answers so far stay on the record.
    /// </summary>
    public string? SwitchTo { get; init; }

    /// <summary>Where <see cref="SwitchTo"/> is written.</summary>
    public ContentLocation? SwitchToLocation { get; init; }
}
