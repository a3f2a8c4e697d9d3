namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>How a region names a response level and says in one line what it means for staff.</summary>
public sealed record ResponseLevelText(string Name, string Summary, ContentLocation Location);
