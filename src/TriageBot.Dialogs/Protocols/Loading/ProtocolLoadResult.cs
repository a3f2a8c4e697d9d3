namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>The catalog when the content is valid, otherwise null and every error found.</summary>
public sealed record ProtocolLoadResult(ProtocolCatalog? Catalog, IReadOnlyList<ContentError> Errors)
{
    public bool IsValid => Catalog is not null && Errors.Count == 0;
}
