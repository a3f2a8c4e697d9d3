namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>
/// A prompt printed under a checklist question and asked after a "yes" to it, its answer typed ("If yes, how?",
/// "When?" under the ASQ's question 4). The words go to the record encrypted; staff may say the student did not say.
/// </summary>
public sealed record ChecklistFollowUp(string Id, string Text, ContentLocation Location);
