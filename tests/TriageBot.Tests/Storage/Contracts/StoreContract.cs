using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Escalations;
using TriageBot.IncidentLog;
using TriageBot.Outbox;
using TriageBot.Storage;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Storage.Contracts;

/// <summary>
/// What every storage engine must do, written once against the interfaces in Storage/ and the features' store
/// interfaces. Each concern's contract is an abstract class; an engine runs it by deriving a class that adds the
/// engine (<see cref="AddEngine"/>): SQLite today (<see cref="SqliteEngine"/>), PostgreSQL when it exists. The store
/// is built from a service collection as the host builds it, on a fresh database, with a FakeTimeProvider.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _services;

    protected TimeProvider Clock => _clock;

    protected DateTimeOffset Now => _clock.GetUtcNow();

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("The store has not started.");

    protected IStoreWriter Writer => Services.GetRequiredService<IStoreWriter>();

    protected void Advance(TimeSpan by) => _clock.Advance(by);

    /// <summary>Registers the engine's implementations (and its options) on an empty database of its own.</summary>
    protected abstract void AddEngine(IServiceCollection services);

    /// <summary>Options a contract sets for itself (a short claim timeout, say).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddOptions<StorageOptions>();
        services.AddOptions<OutboxOptions>();
        services.AddOptions<IncidentLogOptions>();
        services.AddSingleton(new ConversationStateCache(64));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<IncidentKeys>();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<IIncidentLogWriter, IncidentLogWriter>();
        services.AddSingleton<IncidentLogReader>();
        services.AddSingleton<IncidentLogVerifier>();
        AddEngine(services);
        Configure(services);
        _services = services.BuildServiceProvider();
        await Services.GetRequiredService<IStoreSchema>().MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
