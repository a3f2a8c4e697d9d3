namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>An answer a checklist question accepts ("yes", "no", "declined").</summary>
public sealed record AnswerOption(string Id, string Label);
