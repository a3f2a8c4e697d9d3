namespace TriageBot.Storage;

/// <summary>Answers /readyz: can the store be reached right now?</summary>
public interface IStoreHealth
{
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
