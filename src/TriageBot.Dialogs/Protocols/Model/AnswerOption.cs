namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>An answer a checklist question accepts ("yes", "no", "declined").</summary>
/// <param name="Elapsed">For "when" questions: how long ago this option covers, so a typed time can pick it.</param>
public sealed record AnswerOption(string Id, string Label, ElapsedRange? Elapsed = null);
