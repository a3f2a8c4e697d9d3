using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.IncidentLog;
using TriageBot.Storage;

namespace TriageBot.Tests.Storage.Contracts;

/// <summary>
/// Conversation state, on any engine: a save succeeds only from the version it was loaded at, so two turns of one
/// conversation (in one process or two) never overwrite each other; the turn's events are written with the state or
/// not at all.
/// </summary>
public abstract class ConversationStateStoreContract : StoreContract
{
    private static readonly ConversationKey Key = new("msteams", "a:conversation-1");
    private static readonly Participant Staff = new("29:staff", "Staff", null);

    private IConversationStateStore States => Services.GetRequiredService<IConversationStateStore>();

    [Fact]
    public async Task ANewConversation_IsEmpty_AtVersion0_AndEachSave_MovesTheVersionOn()
    {
        var fresh = await States.LoadAsync(Key, CancellationToken.None);
        Assert.Equal((0, 0), (fresh.Version, fresh.State.Stack.Count));

        Assert.True(await States.TrySaveAsync(Key, WithValue("step", 1), 0, [], CancellationToken.None));
        Assert.True(await States.TrySaveAsync(Key, WithValue("step", 2), 1, [], CancellationToken.None));

        var loaded = await States.LoadAsync(Key, CancellationToken.None);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(2, loaded.State.Values["step"]!.GetValue<int>());
        Assert.Equal(0, (await States.LoadAsync(Key with { ChannelId = "emulator" }, CancellationToken.None)).Version);
    }

    [Fact]
    public async Task ASaveFromAStaleVersion_IsRefused_AndWritesNeitherStateNorEvents()
    {
        Assert.True(await States.TrySaveAsync(Key, WithValue("step", 1), 0, [Event("inc-1", "incident.started")], CancellationToken.None));

        Assert.False(await States.TrySaveAsync(Key, WithValue("step", 99), 0, [Event("inc-1", "stale.first")], CancellationToken.None));
        Assert.False(await States.TrySaveAsync(Key, WithValue("step", 99), 5, [Event("inc-1", "stale.later")], CancellationToken.None));

        var loaded = await States.LoadAsync(Key, CancellationToken.None);
        Assert.Equal((1, 1), (loaded.Version, loaded.State.Values["step"]!.GetValue<int>()));
        var events = await Services.GetRequiredService<IncidentLogReader>().ReadAsync("inc-1", CancellationToken.None);
        Assert.Equal(["incident.started"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task TwoTurnsSavingFromTheSameVersionAtOnce_ExactlyOneWins()
    {
        Assert.True(await States.TrySaveAsync(Key, WithValue("step", 0), 0, [], CancellationToken.None));

        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(turn =>
            States.TrySaveAsync(Key, WithValue("step", turn), 1, [Event("inc-race", $"turn.{turn}")], CancellationToken.None)));

        Assert.Single(saves, saved => saved);
        var winner = Array.IndexOf(saves, true) + 1;
        var loaded = await States.LoadAsync(Key, CancellationToken.None);
        Assert.Equal((2, winner), (loaded.Version, loaded.State.Values["step"]!.GetValue<int>()));
        var events = await Services.GetRequiredService<IncidentLogReader>().ReadAsync("inc-race", CancellationToken.None);
        Assert.Equal([$"turn.{winner}"], events.Select(e => e.Type));
    }

    private static DialogState WithValue(string name, int value) => new() { Values = new JsonObject { [name] = value } };

    private IncidentEvent Event(string incidentId, string type) => new(incidentId, type, Staff, Now, []);
}

/// <summary>The conversation state contract on SQLite.</summary>
public sealed class SqliteConversationStateStoreTests : ConversationStateStoreContract
{
    protected override void AddEngine(IServiceCollection services) => SqliteEngine.Add(services);
}
