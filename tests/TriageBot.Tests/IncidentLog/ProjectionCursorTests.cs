using Microsoft.Extensions.Time.Testing;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.IncidentLog;
using TriageBot.Storage.Sqlite;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.IncidentLog;

/// <summary>
/// A projection reads only the event types it is made from; the others in its window are passed over, and its cursor
/// still moves past them, so none is read twice and none is skipped.
/// </summary>
public sealed class ProjectionCursorTests
{
    [Fact]
    public async Task OnlyTheTypesAsked_AreRead_AndTheCursorMovesPastTheWholeWindow()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-cursor-").FullName;
        var database = new SqliteDatabase("Data Source=data/triagebot.db", folder);
        await database.EnsureCreatedAsync(CancellationToken.None);
        await using var writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var provider = new EphemeralDataProtectionProvider();
        var keys = new IncidentKeys(provider, new SqliteIncidentKeyStore(database), Microsoft.Extensions.Options.Options.Create(new IncidentLogOptions()));
        var log = new IncidentLogWriter(new SqliteIncidentLogStore(database), new PersonalDataProtector(provider, keys), clock);
        var cursors = new SqliteProjectionCursors(database);
        string[] types = ["a", "wanted", "b", "c", "wanted", "d", "wanted"];
        var who = new Participant("29:staff", "Staff", null);
        await writer.WriteAsync(write => log.AppendAsync(write,
            [.. types.Select(type => new IncidentEvent("inc-1", type, who, clock.GetUtcNow(), new JsonObject()))]), CancellationToken.None);

        var batches = new List<ProjectedBatch>();
        long cursor = 0;
        for (var i = 0; i < 3; i++)
        {
            var after = cursor;
            var batch = await writer.WriteAsync(write => cursors.EventsAsync(write, after, long.MaxValue, 3, ["wanted"]), CancellationToken.None);
            batches.Add(batch);
            cursor = batch.LastScanned;
        }

        Assert.Equal([3, 3, 1], batches.Select(b => b.Scanned));
        Assert.Equal([3L, 6, 7], batches.Select(b => b.LastScanned));
        Assert.Equal([[2L], [5L], [7L]], batches.Select(b => b.Events.Select(e => e.Sequence).ToArray()));
        Assert.All(batches.SelectMany(b => b.Events), e => Assert.Equal("wanted", e.Type));

        // Past the end: nothing scanned, and the cursor stays where it was.
        var end = await writer.WriteAsync(write => cursors.EventsAsync(write, 7, long.MaxValue, 3, ["wanted"]), CancellationToken.None);
        Assert.Equal((0, 7L), (end.Scanned, end.LastScanned));
        Assert.Empty(end.Events);
    }
}
