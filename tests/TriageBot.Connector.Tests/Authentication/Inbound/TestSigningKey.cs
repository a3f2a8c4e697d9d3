using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>An RSA key minted for a test, with its key id, signing credentials and public JWK.</summary>
internal sealed class TestSigningKey
{
    private readonly RSAParameters publicParameters;

    private TestSigningKey(string keyId)
    {
        using var rsa = RSA.Create(2048);
        KeyId = keyId;
        publicParameters = rsa.ExportParameters(includePrivateParameters: false);
        var securityKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = keyId };
        Credentials = new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256);
    }

    // Key generation is the slow part of these tests, so a handful of keys is shared by all of them.
    public static TestSigningKey Channel { get; } = new("channel-key-1");

    public static TestSigningKey ChannelRotated { get; } = new("channel-key-2");

    public static TestSigningKey Emulator { get; } = new("emulator-key-1");

    public static TestSigningKey Rogue { get; } = new("rogue-key");

    /// <summary>A different key that claims the id of <see cref="Channel"/>.</summary>
    public static TestSigningKey ChannelImpostor { get; } = new("channel-key-1");

    public string KeyId { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public key as a JWKS entry; Bot Connector keys add the channels they are endorsed for.</summary>
    public Dictionary<string, object> ToJwk(params string[]? endorsements)
    {
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(publicParameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(publicParameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }
}
