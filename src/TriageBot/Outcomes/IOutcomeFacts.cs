namespace TriageBot.Outcomes;

/// <summary>What the outcomes page is computed from: the incidents opened in a range, their escalations and tasks.</summary>
public interface IOutcomeFacts
{
    Task<OutcomeFacts> ReadAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>The register's rows, escalations and follow-up tasks of the incidents opened in one range.</summary>
public sealed record OutcomeFacts(IReadOnlyList<OutcomeIncident> Incidents, IReadOnlyList<OutcomeEscalation> Escalations, IReadOnlyList<OutcomeTask> Tasks);

public sealed record OutcomeIncident(string Id, string? ProtocolId, string? Level);

public sealed record OutcomeEscalation(string IncidentId, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);

public sealed record OutcomeTask(string RuleId, string Status, DateTimeOffset DueAt, DateTimeOffset? DoneAt);
