using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using TriageBot.Storage;

namespace TriageBot.IncidentLog;

/// <summary>
/// Encrypts what staff typed about a student before it is stored, and decrypts it for the people allowed to read it.
/// Current format "v2:": AES-256-GCM with the incident's own key (<see cref="IncidentKeys"/>) and the incident id as
/// associated data, so a ciphertext moved to another incident does not decrypt. Text stored before v2 (Data Protection
/// directly) is still read. When the incident's key was destroyed by the retention purge, the text reads as
/// <see cref="Removed"/>. Losing the Data Protection keys (DataProtection:KeyPath) loses all of it.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider, IncidentKeys keys)
{
    public const string LegacyPurpose = "TriageBot.Incidents.Personal.v1";
    private const string Version2 = "v2:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly IDataProtector _legacy = provider.CreateProtector(LegacyPurpose);

    /// <summary>What a purged incident's personal data reads as.</summary>
    public static JsonObject Removed => new() { ["removedUnderRetention"] = true };

    public static bool IsRemoved(JsonObject? personal) => personal?["removedUnderRetention"]?.GetValue<bool>() == true;

    public async Task<string?> ProtectAsync(IStoreTransaction transaction, string incidentId, JsonObject? personal)
    {
        if (personal is null)
        {
            return null;
        }

        var key = await keys.GetOrCreateAsync(transaction, incidentId);
        var plain = Encoding.UTF8.GetBytes(personal.ToJsonString());
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(incidentId));
        return Version2 + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The incident's key, read once for all of its events (null once purged).</summary>
    public Task<byte[]?> KeyOfAsync(string incidentId, CancellationToken cancellationToken) => keys.FindAsync(incidentId, null, cancellationToken);

    /// <param name="key">From <see cref="KeyOfAsync"/>.</param>
    public JsonObject? Unprotect(string incidentId, string? protectedText, byte[]? key)
    {
        if (protectedText is null)
        {
            return null;
        }

        if (!protectedText.StartsWith(Version2, StringComparison.Ordinal))
        {
            return JsonNode.Parse(_legacy.Unprotect(protectedText))?.AsObject();
        }

        if (key is null)
        {
            return Removed;
        }

        var sealedBytes = Convert.FromBase64String(protectedText[Version2.Length..]);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(incidentId));
        return JsonNode.Parse(plain)?.AsObject();
    }
}
