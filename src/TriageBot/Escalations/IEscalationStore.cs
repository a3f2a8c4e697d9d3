using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// The escalations' row changes, each in the unit that records its event and queues its messages. The ones that
/// decide something are compare-and-sets on an open escalation, so two timers, two leads or a retry change it once
/// (false for the one that lost, which then writes nothing).
/// </summary>
public interface IEscalationStore
{
    Task CreateAsync(IStoreTransaction transaction, NewEscalation escalation);

    /// <summary>A more urgent level; with <paramref name="deadlineAtLatest"/>, the deadline moves up to it if later.</summary>
    Task RaiseLevelAsync(IStoreTransaction transaction, string escalationId, string level, DateTimeOffset? deadlineAtLatest);

    /// <summary>Moves an open escalation from <paramref name="fromIndex"/> to <paramref name="toIndex"/> in its chain, with a new deadline.</summary>
    Task<bool> MoveOnAsync(IStoreTransaction transaction, string escalationId, int fromIndex, int toIndex, DateTimeOffset deadline);

    /// <summary>Records the decision of an escalation still open; false when it was decided already.</summary>
    Task<bool> DecideAsync(IStoreTransaction transaction, string escalationId, string decisionJson, DateTimeOffset at);

    /// <summary>Takes the newest question waiting for this reporter in this chat (it waits no longer); null when none is.</summary>
    Task<PendingQuestion?> TakeQuestionAsync(IStoreTransaction transaction, string reporterId, string conversationId);

    /// <summary>Keeps a delivered card; the same card recorded twice is kept once.</summary>
    Task RecordCardAsync(IStoreTransaction transaction, EscalationCard card);

    /// <summary>Claims a due check-in by moving it to <paramref name="nextDueAt"/>; false when another claimed it or the escalation closed.</summary>
    Task<bool> ClaimEyesOnAsync(IStoreTransaction transaction, string escalationId, DateTimeOffset dueAt, DateTimeOffset nextDueAt);

    /// <summary>A lead asked the reporter a question: the reporter's next message is their answer.</summary>
    Task MarkQuestionPendingAsync(IStoreTransaction transaction, string escalationId);
}
