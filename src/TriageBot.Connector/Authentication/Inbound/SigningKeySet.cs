using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// The keys of one JWKS document plus, per key id, the Bot Connector's <c>endorsements</c> (the channel ids the key may
/// sign for). IdentityModel's <see cref="JsonWebKey"/> does not surface that extra member, so it is read from the raw JSON.
/// </summary>
internal sealed class SigningKeySet
{
    private readonly Dictionary<string, string[]> endorsementsByKeyId;

    private SigningKeySet(IReadOnlyList<SecurityKey> keys, Dictionary<string, string[]> endorsementsByKeyId)
    {
        Keys = keys;
        this.endorsementsByKeyId = endorsementsByKeyId;
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    public bool ContainsKeyId(string keyId) => Keys.Any(key => string.Equals(key.KeyId, keyId, StringComparison.Ordinal));

    /// <summary>The key's endorsements; empty when the key is unknown or lists none (Entra keys never do).</summary>
    public IReadOnlyList<string> EndorsementsOf(string? keyId) =>
        keyId is not null && endorsementsByKeyId.TryGetValue(keyId, out var endorsements) ? endorsements : [];

    /// <summary>Parses a JWKS document (<c>{"keys":[{"kid":..,"kty":"RSA","n":..,"e":..,"endorsements":[..]}]}</c>).</summary>
    /// <exception cref="JsonException">The document is not a JSON object with a <c>keys</c> array.</exception>
    public static SigningKeySet Parse(string jwksJson)
    {
        ArgumentNullException.ThrowIfNull(jwksJson);
        var keys = new JsonWebKeySet(jwksJson).GetSigningKeys().ToArray();
        return new SigningKeySet(keys, ReadEndorsements(jwksJson));
    }

    private static Dictionary<string, string[]> ReadEndorsements(string jwksJson)
    {
        using var document = JsonDocument.Parse(jwksJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The JWKS document has no 'keys' array.");
        }

        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var endorsements) || endorsements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            result[kid.GetString()!] = endorsements.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.String)
                .Select(item => item.GetString()!)
                .ToArray();
        }

        return result;
    }
}
