using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TriageBot.Api;
using TriageBot.Connector.Authentication.Inbound;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Admin;

/// <summary>
/// Who may call the admin endpoints: a caller presenting one of the configured API keys (header X-TriageBot-Key,
/// compared by SHA-256 in constant time), or a Bot Framework token valid for this bot. With neither configured the
/// endpoints are closed (403, saying what to set); a wrong or missing key is 401.
/// </summary>
public sealed class AdminAuthorization(IOptions<AdminOptions> options, IInboundAuthenticator authenticator)
{
    public const string ApiKeyHeader = "X-TriageBot-Key";

    public async Task<(Participant? Caller, IResult? Refusal)> AuthorizeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } key)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            foreach (var configured in options.Value.ApiKeys)
            {
                if (TryHex(configured.Sha256, out var expected) && CryptographicOperations.FixedTimeEquals(hash, expected))
                {
                    return (new Participant("api-key:" + configured.Name, configured.Name), null);
                }
            }

            return (null, Unauthorized());
        }

        var header = request.Headers.Authorization.ToString();
        var result = await authenticator.AuthenticateAsync(header.Length > 0 ? header : null, null, null, cancellationToken);
        if (result.IsAuthenticated && result.Caller != InboundCaller.Anonymous)
        {
            var appId = result.Identity.FindFirst("appid")?.Value ?? result.Identity.FindFirst("azp")?.Value ?? "bot-framework";
            return (new Participant("bot-framework:" + appId, "Bot Framework caller " + appId), null);
        }

        if (options.Value.ApiKeys.Count == 0 && result.IsAuthenticated)
        {
            return (null, new RequestProblem(403, "Admin endpoints are closed",
                $"Nothing is configured to open them: set Admin:ApiKeys (a name and the SHA-256 of a key, sent as {ApiKeyHeader}) or MicrosoftAppId (Bot Framework tokens).").ToResult());
        }

        return (null, Unauthorized());
    }

    private static IResult Unauthorized() =>
        new RequestProblem(401, "Unauthorized", $"Send a valid key in {ApiKeyHeader}, or a Bot Framework token for this bot.").ToResult();

    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text.Trim());
            return bytes.Length == 32;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
