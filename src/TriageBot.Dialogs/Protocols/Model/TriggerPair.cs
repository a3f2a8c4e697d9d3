namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>
/// Two kinds of phrase that together suggest an incident when neither does alone: a member of staff ("Mr", "coach")
/// and what they did ("touched", "messaged"). Both must occur in the message, in any order.
/// </summary>
/// <param name="First">Phrases of the first kind (same syntax as triggers).</param>
/// <param name="With">Phrases of the second kind.</param>
public sealed record TriggerPair(IReadOnlyList<string> First, IReadOnlyList<string> With, ContentLocation Location);
