namespace TriageBot.Storage;

/// <summary>
/// Runs units of work on the store. A unit must only use the store (no HTTP, no waiting on other work) and never start
/// another unit; its task completes once what it wrote is durable. An exception rolls the unit back and is thrown here.
/// </summary>
public interface IStoreWriter
{
    Task<T> WriteAsync<T>(Func<IStoreTransaction, Task<T>> unit, CancellationToken cancellationToken);

    Task WriteAsync(Func<IStoreTransaction, Task> unit, CancellationToken cancellationToken);
}
