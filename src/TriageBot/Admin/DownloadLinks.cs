using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TriageBot.Admin;

/// <summary>
/// One-time links for leads in Teams to download an export or open the outcomes page: a random token, of which only
/// the SHA-256 is stored, that works once and only for <see cref="AdminOptions.DownloadLinkLifetime"/>.
/// </summary>
public sealed class DownloadLinks(IDownloadLinkStore store, IOptions<AdminOptions> options, TimeProvider time)
{
    public const string Path = "/admin/downloads/";

    public bool CanLink => Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out _);

    /// <summary>A link for what <paramref name="spec"/> describes, made for <paramref name="createdBy"/>.</summary>
    public async Task<string> CreateAsync(JsonObject spec, string createdBy, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await store.AddAsync(new DownloadLink(Hash(token), spec.ToJsonString(), createdBy, now, now + options.Value.DownloadLinkLifetime), cancellationToken);
        return options.Value.PublicBaseUrl!.TrimEnd('/') + Path + token;
    }

    /// <summary>What the link is for, using it up; null when it is unknown, used or expired.</summary>
    public async Task<(JsonObject Spec, string CreatedBy)?> RedeemAsync(string token, CancellationToken cancellationToken)
    {
        var link = await store.UseAsync(Hash(token), time.GetUtcNow(), cancellationToken);
        return link is not null && JsonNode.Parse(link.SpecJson) is JsonObject spec ? (spec, link.CreatedBy) : null;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
