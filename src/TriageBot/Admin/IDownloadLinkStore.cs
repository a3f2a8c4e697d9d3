using TriageBot.Storage;

namespace TriageBot.Admin;

/// <summary>One-time download links by the hash of their token (<see cref="DownloadLinks"/>); never the token itself.</summary>
public interface IDownloadLinkStore
{
    Task AddAsync(DownloadLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the link used at <paramref name="now"/> and returns it, if it was unused and unexpired; null otherwise. Two
    /// redeemers at once (two processes, too): one gets it.
    /// </summary>
    Task<DownloadLink?> UseAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A link as stored: what it is for (<see cref="SpecJson"/>), who made it, and until when it works.</summary>
public sealed record DownloadLink(string TokenHash, string SpecJson, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
