using System.Net;
using System.Text;
using Microsoft.Identity.Client;

namespace TriageBot.Connector.Tests.Authentication.Outbound;

/// <summary>
/// Stands in for the Entra token endpoint behind MSAL: records each token request (URL and form fields) and answers with
/// token-1, token-2, ... valid for an hour.
/// </summary>
internal sealed class FakeTokenEndpoint : HttpMessageHandler, IMsalHttpClientFactory
{
    private readonly List<TokenRequest> _requests = [];
    private HttpClient? _client;

    public IReadOnlyList<TokenRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public HttpClient GetHttpClient() => _client ??= new HttpClient(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => pair.Length > 1 ? WebUtility.UrlDecode(pair[1]) : string.Empty);

        int number;
        lock (_requests)
        {
            _requests.Add(new TokenRequest(request.Method.Method, request.RequestUri!, form));
            number = _requests.Count;
        }

        // The Entra fields plus the managed identity endpoint's expires_on/resource, so one fake serves both providers.
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var json = $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","access_token":"token-{{number}}"}""";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
        }

        base.Dispose(disposing);
    }
}
