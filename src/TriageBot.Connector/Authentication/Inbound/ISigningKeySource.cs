namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>Supplies the current signing keys of one issuer.</summary>
internal interface ISigningKeySource
{
    /// <summary>
    /// The cached key set, refreshed first when it is older than a day or, rate-limited, when <paramref name="keyId"/>
    /// is not in it (the issuer may have rotated its keys).
    /// </summary>
    /// <exception cref="SigningKeysUnavailableException">No key set could be obtained.</exception>
    Task<SigningKeySet> GetSigningKeysAsync(string? keyId, CancellationToken cancellationToken);
}
