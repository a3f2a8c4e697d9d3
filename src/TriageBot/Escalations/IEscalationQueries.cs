using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>Reads of the escalations, each read in <c>transaction</c> when given (a decision's or a projection's own unit).</summary>
public interface IEscalationQueries
{
    /// <summary>The incident's oldest escalation still open.</summary>
    Task<EscalationRecord?> OpenForIncidentAsync(string incidentId, IStoreTransaction? transaction, CancellationToken cancellationToken);

    Task<EscalationRecord?> GetAsync(string id, IStoreTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Open escalations whose eyes-on check-in is due at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<EyesOnCheckDue>> EyesOnDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether a lead's question waits for this reporter's answer in this chat (asked of every typed message: cheap, no unit).</summary>
    Task<bool> HasQuestionPendingAsync(string reporterId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Every card delivered for this escalation.</summary>
    Task<IReadOnlyList<EscalationCard>> CardsAsync(string escalationId, IStoreTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Open escalations whose deadline is at or before <paramref name="now"/>, the longest overdue first.</summary>
    Task<IReadOnlyList<EscalationRecord>> OpenPastDeadlineAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
