using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>The morning digests made: one per school day and person, so a restart or a second instance never makes another.</summary>
public interface IDigestStore
{
    /// <summary>Records today's digest for this person in the caller's unit; false when one was made already (nothing is written).</summary>
    Task<bool> MarkMadeAsync(IStoreTransaction transaction, DateOnly day, string personId, DateTimeOffset at);
}
