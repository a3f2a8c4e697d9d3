using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.Escalations;
using TriageBot.IncidentLog;

namespace TriageBot.Tests.Storage.Contracts;

/// <summary>
/// The incident log, on any engine: appends from any number of units at once make one unbroken chain (no fork, no
/// gap), an append in a unit that did not commit leaves nothing, personal data reads back decrypted until its
/// incident's key is destroyed, and projection cursors keep their place.
/// </summary>
public abstract class IncidentLogStoreContract : StoreContract
{
    private static readonly Participant Staff = new("29:staff", "Staff", "aad-staff");

    private IIncidentLogWriter Log => Services.GetRequiredService<IIncidentLogWriter>();

    private IncidentLogReader Reader => Services.GetRequiredService<IncidentLogReader>();

    [Fact]
    public async Task Appends_AreReadBackInOrder_WithTheirPersonalData_AndTheChainVerifies()
    {
        await Writer.WriteAsync(write => Log.AppendAsync(write,
            [Event("inc-1", "incident.started", new JsonObject { ["description"] = "told me at break" }), Event("inc-2", "incident.started")]), CancellationToken.None);
        await Writer.WriteAsync(write => Log.AppendAsync(write, [Event("inc-1", "incident.completed")]), CancellationToken.None);

        var logged = await Reader.ReadLoggedAsync("inc-1", CancellationToken.None);
        Assert.Equal([(1L, "incident.started"), (3L, "incident.completed")], logged.Select(e => (e.Sequence, e.Event.Type)));
        Assert.Equal("told me at break", logged[0].Event.Personal!["description"]!.GetValue<string>());
        Assert.Equal(Staff, logged[0].Event.Actor);
        Assert.Equal(Now, logged[0].Event.At);
        Assert.Equal(3, await Services.GetRequiredService<IIncidentLogStore>().LastSequenceAsync(CancellationToken.None));
        var verified = await Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verified.IsIntact);
        Assert.Equal(3, verified.EventsChecked);
    }

    [Fact]
    public async Task ManyUnitsAppendingAtOnce_MakeOneChain_WithNoGapAndNoFork()
    {
        await Task.WhenAll(Enumerable.Range(0, 24).Select(unit => Writer.WriteAsync(write => Log.AppendAsync(write,
            [Event($"inc-{unit % 4}", $"unit.{unit}.a"), Event($"inc-{unit % 4}", $"unit.{unit}.b")]), CancellationToken.None)));

        var stored = new List<StoredEvent>();
        await foreach (var row in Reader.ReadAllStoredAsync(CancellationToken.None))
        {
            stored.Add(row);
        }

        Assert.Equal(Enumerable.Range(1, 48).Select(n => (long)n), stored.Select(row => row.Sequence));
        Assert.Equal(stored.Count, stored.Select(row => row.PreviousHash).Distinct().Count());
        Assert.True((await Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact);

        // A unit's events stay together: nobody else's append lands between them.
        for (var i = 0; i < stored.Count; i += 2)
        {
            Assert.Equal(stored[i].Type[..^1] + "b", stored[i + 1].Type);
        }
    }

    [Fact]
    public async Task AnAppendInAUnitThatDidNotCommit_LeavesNothing_AndTheChainCarriesOn()
    {
        await Writer.WriteAsync(write => Log.AppendAsync(write, [Event("inc-1", "first")]), CancellationToken.None);
        await Writer.WriteAsync(async write =>
        {
            await Log.AppendAsync(write, [Event("inc-1", "discarded", new JsonObject { ["note"] = "never kept" })]);
            write.Discard();
        }, CancellationToken.None);
        await Writer.WriteAsync(write => Log.AppendAsync(write, [Event("inc-1", "second")]), CancellationToken.None);

        var logged = await Reader.ReadLoggedAsync("inc-1", CancellationToken.None);
        Assert.Equal([(1L, "first"), (2L, "second")], logged.Select(e => (e.Sequence, e.Event.Type)));
        Assert.True((await Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task DestroyingAnIncidentsKey_MakesItsPersonalDataReadAsRemoved_AndTheChainStillVerifies()
    {
        await Writer.WriteAsync(write => Log.AppendAsync(write,
            [Event("inc-1", "incident.started", new JsonObject { ["student"] = "J in 9B" }), Event("inc-2", "incident.started", new JsonObject { ["student"] = "K in 10A" })]),
            CancellationToken.None);

        var keys = Services.GetRequiredService<IncidentKeys>();
        Assert.True(await Writer.WriteAsync(write => keys.DestroyAsync(write, "inc-1"), CancellationToken.None));
        Assert.False(await Writer.WriteAsync(write => keys.DestroyAsync(write, "inc-1"), CancellationToken.None));

        Assert.True(PersonalDataProtector.IsRemoved((await Reader.ReadAsync("inc-1", CancellationToken.None))[0].Personal));
        Assert.Equal("K in 10A", (await Reader.ReadAsync("inc-2", CancellationToken.None))[0].Personal!["student"]!.GetValue<string>());
        Assert.True((await Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task AProjectionCursor_StartsAt0_KeepsWhereItWasMoved_AndReadsOnlyTheTypesAsked()
    {
        var cursors = Services.GetRequiredService<IProjectionCursors>();
        await Writer.WriteAsync(write => Log.AppendAsync(write, [Event("inc-1", "a"), Event("inc-1", "wanted"), Event("inc-1", "b")]), CancellationToken.None);
        Assert.Equal(0, await cursors.ReadAsync("contract", null, CancellationToken.None));

        var batch = await Writer.WriteAsync(async write =>
        {
            var read = await cursors.EventsAsync(write, await cursors.ReadAsync("contract", write, write.CancellationToken), long.MaxValue, 10, ["wanted"]);
            await cursors.MoveAsync(write, "contract", read.LastScanned);
            return read;
        }, CancellationToken.None);

        Assert.Equal((3, 3L), (batch.Scanned, batch.LastScanned));
        Assert.Equal([(2L, "wanted", "aad-staff")], batch.Events.Select(e => (e.Sequence, e.Type, e.ActorAadObjectId)));
        Assert.Equal(3, await cursors.ReadAsync("contract", null, CancellationToken.None));
        Assert.Equal(0, await cursors.ReadAsync("another", null, CancellationToken.None));
    }

    private IncidentEvent Event(string incidentId, string type, JsonObject? personal = null) => new(incidentId, type, Staff, Now, [], personal);
}

/// <summary>The incident log contract on SQLite.</summary>
public sealed class SqliteIncidentLogStoreTests : IncidentLogStoreContract
{
    protected override void AddEngine(IServiceCollection services) => SqliteEngine.Add(services);
}
