using Dapper;
using TriageBot.Admin;

namespace TriageBot.Storage.Sqlite;

/// <summary>Download links in download_links (<see cref="SqliteDownloadLinkTable"/>); redeeming is one UPDATE ... RETURNING.</summary>
public sealed class SqliteDownloadLinkStore(SqliteWriter writer) : IDownloadLinkStore
{
    public Task AddAsync(DownloadLink link, CancellationToken cancellationToken) =>
        writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO download_links (token_hash, spec_json, created_by, created_at, expires_at) VALUES (@hash, @spec, @createdBy, @now, @expires);",
            new
            {
                hash = link.TokenHash,
                spec = link.SpecJson,
                createdBy = link.CreatedBy,
                now = StoredTime.Format(link.CreatedAt),
                expires = StoredTime.Format(link.ExpiresAt),
            },
            write.Transaction,
            cancellationToken: write.CancellationToken)), cancellationToken);

    public async Task<DownloadLink?> UseAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await writer.WriteAsync(write => write.Connection.QueryFirstOrDefaultAsync<(string Spec, string CreatedBy, string CreatedAt, string ExpiresAt)?>(new CommandDefinition(
            """
            UPDATE download_links SET used_at = @now
            WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now
            RETURNING spec_json, created_by, created_at, expires_at;
            """,
            new { hash = tokenHash, now = StoredTime.Format(now) }, write.Transaction, cancellationToken: write.CancellationToken)), cancellationToken);
        return row is { } found ? new DownloadLink(tokenHash, found.Spec, found.CreatedBy, StoredTime.Parse(found.CreatedAt), StoredTime.Parse(found.ExpiresAt)) : null;
    }
}
