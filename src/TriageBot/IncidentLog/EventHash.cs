using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TriageBot.IncidentLog;

/// <summary>
/// The hash that chains the log: SHA-256 (hex) of a JSON array of every stored field of the event, in a fixed order,
/// including the encrypted personal text and the previous event's hash: ["v1", sequence, incident_id, type, actor_id,
/// actor_aad_object_id, actor_name, occurred_at, recorded_at, data_json, personal_protected, previous_hash].
/// Changing, removing or reordering any event changes every hash after it.
/// </summary>
public static class EventHash
{
    /// <summary>The previous hash of the very first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Of(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            "v1", stored.Sequence, stored.IncidentId, stored.Type, stored.ActorId, stored.ActorAadObjectId, stored.ActorName,
            stored.OccurredAt, stored.RecordedAt, stored.DataJson, stored.PersonalProtected, stored.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>An event row exactly as stored (times as written, personal text still encrypted).</summary>
public sealed record StoredEvent(
    long Sequence,
    string IncidentId,
    string Type,
    string ActorId,
    string? ActorAadObjectId,
    string? ActorName,
    string OccurredAt,
    string RecordedAt,
    string DataJson,
    string? PersonalProtected,
    string PreviousHash,
    string Hash);
