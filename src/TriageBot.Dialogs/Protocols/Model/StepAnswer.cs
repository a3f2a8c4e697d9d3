namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>One answer to a question step.</summary>
/// <param name="Next">The step it leads to, or <see cref="ProtocolStep.End"/>.</param>
/// <param name="Level">The response level this answer calls for, if any (the most urgent level on a path wins).</param>
/// <param name="AskReason">The dialog asks for the reasoning and records it (parent/carer contact decisions).</param>
public sealed record StepAnswer(
    string Id,
    string Label,
    string Next,
    ResponseLevel? Level,
    bool AskReason,
    ContentLocation Location);
