namespace TriageBot.Dialogs.Protocols.Paths;

/// <summary>One step on a path and what was chosen there: an answer id, a checklist result id, or null for an instruction.</summary>
public sealed record PathChoice(string StepId, string? Choice);
