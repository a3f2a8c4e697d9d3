namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>The catalog when the content is valid, otherwise null and every error found.</summary>
public sealed record ProtocolLoadResult(ProtocolCatalog? Catalog, IReadOnlyList<ContentError> Errors)
{
    /// <summary>Facts the content marks as not confirmed against a primary source; validate lists them as warnings.</summary>
    public IReadOnlyList<UnverifiedFact> Unverified { get; init; } = [];

    public bool IsValid => Catalog is not null && Errors.Count == 0;
}
