namespace TriageBot.Admin;

/// <summary>
/// Configuration section "Admin": who may call the admin endpoints (export, outcomes) and the address links point to.
/// API keys are configured as SHA-256 hashes (hex) with a name, never the key itself:
/// <c>Admin:ApiKeys:0:Name=case-management</c>, <c>Admin:ApiKeys:0:Sha256=…</c>.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public List<AdminApiKey> ApiKeys { get; set; } = [];

    /// <summary>The bot's public address (https://…), for one-time download links sent in Teams; none: no links.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a one-time download link works.</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>A named API key, as the SHA-256 (hex) of the key.</summary>
public sealed class AdminApiKey
{
    public string Name { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;
}
