using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Authentication;

/// <summary>
/// Plays login.botframework.com and the Entra v2 endpoint on loopback: OpenID metadata and a JWKS whose keys carry
/// Bot Framework endorsements, with keys minted in the test. Mints tokens signed by those keys, or by a stranger's key.
/// </summary>
internal sealed class TestIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private readonly LoopbackServer _server;

    private TestIssuer(LoopbackServer server) => _server = server;

    public RsaSecurityKey ChannelKey { get; } = NewKey("channel-key");

    public RsaSecurityKey EmulatorKey { get; } = NewKey("emulator-key");

    public RsaSecurityKey StrangerKey { get; } = NewKey("channel-key");

    public string ChannelMetadataUrl => new Uri(_server.BaseAddress, "channel/openid").AbsoluteUri;

    public string EmulatorMetadataUrl => new Uri(_server.BaseAddress, "emulator/openid").AbsoluteUri;

    public static async Task<TestIssuer> StartAsync()
    {
        TestIssuer? issuer = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/{name}/openid", (string name, HttpContext context) => Results.Json(new Dictionary<string, string>
            {
                ["issuer"] = name,
                ["jwks_uri"] = $"http://{context.Request.Host}/{name}/keys",
            }));
            app.MapGet("/channel/keys", () => Results.Content(Jwks(issuer!.ChannelKey, "msteams", "emulator", "directline"), "application/json"));
            app.MapGet("/emulator/keys", () => Results.Content(Jwks(issuer!.EmulatorKey), "application/json"));
        });
        issuer = new TestIssuer(server);
        return issuer;
    }

    public static string Mint(
        SecurityKey key,
        string issuer,
        string? audience,
        IEnumerable<Claim> claims,
        DateTime? expires = null,
        DateTime? notBefore = null)
    {
        var handler = new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var now = DateTime.UtcNow;
        return handler.CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token with alg "none": a header and claims but no signature.</summary>
    public static string Unsigned(string issuer, string audience, string serviceUrl)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode(new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["exp"] = exp,
            ["nbf"] = exp - 7200,
        }.ToJsonString());
        return $"{header}.{payload}.";
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private static string Jwks(RsaSecurityKey key, params string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        }

        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }
}
