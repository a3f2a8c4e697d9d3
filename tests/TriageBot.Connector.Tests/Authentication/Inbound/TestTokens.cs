using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>Mints JWTs shaped like the ones the Bot Connector and the Emulator send, with times from the test clock.</summary>
internal static class TestTokens
{
    public const string AppId = "7e4f6a25-3f1c-4c1b-9a55-2f7d0c0f9d11";
    public const string OtherAppId = "0b7f7d3c-9d7e-4c1e-8d2e-5a1f3f0e6c22";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorV1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorV2Issuer = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";

    private static readonly JwtSecurityTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A Bot Connector token as Teams sends it: issuer api.botframework.com, audience the app id, a serviceurl claim.</summary>
    public static string Channel(
        DateTimeOffset now,
        SigningCredentials? signedWith = null,
        string issuer = ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        TimeSpan? lifetime = null,
        TimeSpan? startsIn = null)
    {
        var claims = serviceUrl is null ? [] : new[] { new Claim("serviceurl", serviceUrl) };
        return Mint(signedWith ?? TestSigningKey.Channel.Credentials, issuer, audience, claims, now, lifetime, startsIn);
    }

    /// <summary>
    /// An Emulator token: Entra-issued for the bot's own app id, whose audience is not the bot. <paramref name="version"/>
    /// null omits the <c>ver</c> claim; the app id goes into <c>azp</c> for "2.0" and into <c>appid</c> otherwise,
    /// unless <paramref name="appIdClaim"/> says where.
    /// </summary>
    public static string Emulator(
        DateTimeOffset now,
        string? version,
        string appId = AppId,
        string issuer = EmulatorV1Issuer,
        SigningCredentials? signedWith = null,
        TimeSpan? lifetime = null,
        string? appIdClaim = null)
    {
        var claims = new List<Claim> { new(appIdClaim ?? (version == "2.0" ? "azp" : "appid"), appId) };
        if (version is not null)
        {
            claims.Add(new Claim("ver", version));
        }

        return Mint(signedWith ?? TestSigningKey.Emulator.Credentials, issuer, "https://api.botframework.com", claims, now, lifetime, startsIn: null);
    }

    /// <summary>A token with <c>alg: none</c> and no signature, otherwise a perfectly valid Bot Connector token.</summary>
    public static string Unsigned(DateTimeOffset now)
    {
        var payload = new JwtPayload(ChannelIssuer, AppId, [new Claim("serviceurl", ServiceUrl)], now.UtcDateTime, now.AddHours(1).UtcDateTime, now.UtcDateTime);
        return Handler.WriteToken(new JwtSecurityToken(new JwtHeader(), payload));
    }

    /// <summary>A valid-looking Bot Connector token signed with a shared secret (HS256) instead of an RSA key.</summary>
    public static string SymmetricallySigned(DateTimeOffset now)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret of at least 32 bytes!!")) { KeyId = TestSigningKey.Channel.KeyId };
        return Mint(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), ChannelIssuer, AppId, [new Claim("serviceurl", ServiceUrl)], now, null, null);
    }

    public static string Bearer(string token) => $"Bearer {token}";

    private static string Mint(
        SigningCredentials credentials,
        string issuer,
        string audience,
        IEnumerable<Claim> claims,
        DateTimeOffset now,
        TimeSpan? lifetime,
        TimeSpan? startsIn)
    {
        var notBefore = now + (startsIn ?? TimeSpan.Zero);
        var token = Handler.CreateJwtSecurityToken(
            issuer: issuer,
            audience: audience,
            subject: new ClaimsIdentity(claims),
            notBefore: notBefore.UtcDateTime,
            expires: (notBefore + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            issuedAt: notBefore.UtcDateTime,
            signingCredentials: credentials);
        return Handler.WriteToken(token);
    }
}
