using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>
/// A real HTTP server on 127.0.0.1 serving two OpenID issuers the way login.botframework.com and Entra ID do:
/// <c>/{issuer}/openid</c> (metadata with a <c>jwks_uri</c>) and <c>/{issuer}/keys</c> (the JWKS). Keys can be
/// re-published mid-test to simulate rotation, and every request is counted.
/// </summary>
internal sealed class LoopbackOpenIdServer : IAsyncDisposable
{
    public const string ChannelIssuer = "botframework";
    public const string EmulatorIssuer = "emulator";

    private readonly HttpListener listener;
    private readonly Task serving;
    private readonly ConcurrentDictionary<string, string> documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> requestCounts = new(StringComparer.Ordinal);

    private LoopbackOpenIdServer(HttpListener listener, Uri baseAddress)
    {
        this.listener = listener;
        BaseAddress = baseAddress;
        foreach (var issuer in new[] { ChannelIssuer, EmulatorIssuer })
        {
            documents[$"/{issuer}/openid"] = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["issuer"] = issuer,
                ["jwks_uri"] = new Uri(baseAddress, $"{issuer}/keys").AbsoluteUri,
            });
            Publish(issuer);
        }

        serving = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public string ChannelMetadataUrl => new Uri(BaseAddress, $"{ChannelIssuer}/openid").AbsoluteUri;

    public string EmulatorMetadataUrl => new Uri(BaseAddress, $"{EmulatorIssuer}/openid").AbsoluteUri;

    public static LoopbackOpenIdServer Start()
    {
        // HttpListener cannot bind port 0, so borrow a free port from the OS first; retry if someone grabs it meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();

            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseAddress.AbsoluteUri);
            try
            {
                listener.Start();
                return new LoopbackOpenIdServer(listener, baseAddress);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Replaces the issuer's JWKS with these keys (each already rendered by <see cref="TestSigningKey.ToJwk"/>).</summary>
    public void Publish(string issuer, params Dictionary<string, object>[] keys) =>
        documents[$"/{issuer}/keys"] = JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = keys });

    /// <summary>Makes a path answer 500 until published again.</summary>
    public void Break(string path) => documents.TryRemove(path, out _);

    public int RequestCount(string path) => requestCounts.GetValueOrDefault(path);

    public int KeyRequests(string issuer) => RequestCount($"/{issuer}/keys");

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        requestCounts.AddOrUpdate(path, 1, (_, count) => count + 1);
        using var response = context.Response;
        if (documents.TryGetValue(path, out var body))
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            response.StatusCode = 200;
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        else
        {
            response.StatusCode = 500;
        }
    }
}
