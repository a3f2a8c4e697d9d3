using TriageBot.Hosting;
using TriageBot.IncidentLog;
using TriageBot.Storage;

namespace TriageBot.Commands;

/// <summary>
/// `dotnet run --project src/TriageBot -- verify`: recomputes the incident log's hash chain in the configured database
/// and names the first event that does not fit. Exit code 0 when the chain is intact, 1 when it is broken.
/// Uses the same configuration as the bot (ConnectionStrings:TriageBot, --contentRoot).
/// </summary>
public static class VerifyCommand
{
    public const string Name = "verify";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        WebApplication app;
        try
        {
            app = TriageBotApplication.Build(args);
        }
        catch (StorageConfigurationException storage)
        {
            await output.WriteLineAsync(storage.Message);
            return 1;
        }

        var store = app.Services.GetRequiredService<IStoreSchema>();
        if (!await store.ExistsAsync(CancellationToken.None))
        {
            await output.WriteLineAsync($"No database ({store.Location}): nothing to verify.");
            return 1;
        }

        var result = await app.Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None);
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"{result.EventsChecked} events, chain intact ({store.Location}).");
            return 0;
        }

        await output.WriteLineAsync(
            $"Chain broken at event {result.FirstBrokenSequence}{(result.IncidentId is null ? string.Empty : $" (incident {result.IncidentId})")}: {result.Problem}. " +
            $"{result.EventsChecked} events before it are intact.");
        return 1;
    }
}
