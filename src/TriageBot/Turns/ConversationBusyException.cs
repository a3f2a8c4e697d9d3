namespace TriageBot.Turns;

/// <summary>Other turns kept saving the same conversation first; this turn gave up rather than overwrite them.</summary>
public sealed class ConversationBusyException(int attempts)
    : Exception($"The conversation was saved by other turns {attempts} times in a row; the turn was not applied.");
