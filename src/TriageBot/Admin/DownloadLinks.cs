using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Admin;

/// <summary>
/// One-time links for leads in Teams to download an export or open the outcomes page: a random token, of which only
/// the SHA-256 is stored, that works once and only for <see cref="AdminOptions.DownloadLinkLifetime"/>.
/// </summary>
public sealed class DownloadLinks(SqliteWriter writer, IOptions<AdminOptions> options, TimeProvider time)
{
    public const string Path = "/admin/downloads/";

    public bool CanLink => Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out _);

    /// <summary>A link for what <paramref name="spec"/> describes, made for <paramref name="createdBy"/>.</summary>
    public async Task<string> CreateAsync(JsonObject spec, string createdBy, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO download_links (token_hash, spec_json, created_by, created_at, expires_at) VALUES (@hash, @spec, @createdBy, @now, @expires);",
            new
            {
                hash = Hash(token),
                spec = spec.ToJsonString(),
                createdBy,
                now = StoredTime.Format(now),
                expires = StoredTime.Format(now + options.Value.DownloadLinkLifetime),
            },
            write.Transaction,
            cancellationToken: write.CancellationToken)), cancellationToken);
        return options.Value.PublicBaseUrl!.TrimEnd('/') + Path + token;
    }

    /// <summary>What the link is for, using it up; null when it is unknown, used or expired.</summary>
    public async Task<(JsonObject Spec, string CreatedBy)?> RedeemAsync(string token, CancellationToken cancellationToken)
    {
        var now = StoredTime.Format(time.GetUtcNow());
        var row = await writer.WriteAsync(write => write.Connection.QueryFirstOrDefaultAsync<(string Spec, string CreatedBy)?>(new CommandDefinition(
            """
            UPDATE download_links SET used_at = @now
            WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now
            RETURNING spec_json, created_by;
            """,
            new { hash = Hash(token), now }, write.Transaction, cancellationToken: write.CancellationToken)), cancellationToken);
        return row is { } found && JsonNode.Parse(found.Spec) is JsonObject spec ? (spec, found.CreatedBy) : null;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
