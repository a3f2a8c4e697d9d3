namespace TriageBot.Telemetry;

/// <summary>What the store says is waiting, read when metrics are collected.</summary>
/// <param name="BacklogByKind">Undelivered outbox messages, by kind.</param>
/// <param name="OldestCardAge">How long the oldest undelivered escalation card has waited; zero when none waits.</param>
/// <param name="EscalationsWaiting">Escalations with no decision yet.</param>
public sealed record OperationalSnapshot(IReadOnlyDictionary<string, long> BacklogByKind, TimeSpan OldestCardAge, long EscalationsWaiting);
