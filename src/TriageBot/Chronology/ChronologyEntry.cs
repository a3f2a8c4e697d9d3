namespace TriageBot.Chronology;

/// <summary>
/// One line of an incident's chronology: its event number, when it happened, who did it, what happened in words, the
/// text typed about the student (only for readers allowed to see it; "(removed)" after the retention purge), and the
/// event it corrects, for a correction.
/// </summary>
public sealed record ChronologyEntry(long Sequence, DateTimeOffset At, string Who, string ActorId, string Type, string What, string? Personal, long? Corrects);
