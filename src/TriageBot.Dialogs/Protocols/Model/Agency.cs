namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>An outside agency a referral can go to (children's social care, CAMHS, LADO...).</summary>
/// <param name="Id">How content refers to it: <c>{agency:id}</c>.</param>
/// <param name="Name">Its name in this region.</param>
/// <param name="ContactId">The school's local contact that holds its number, or null when it has none.</param>
public sealed record Agency(string Id, string Name, string? ContactId, ContentLocation Location);
