using TriageBot.Dialogs.Turns;

namespace TriageBot.Access;

/// <summary>Who is asking: their channel identity, the email learned for their chat (if any), and whether the rota makes them a lead.</summary>
public sealed record Caller(Participant Who, string? Email, bool IsLead);
