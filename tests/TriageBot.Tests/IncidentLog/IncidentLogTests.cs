using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Incidents;
using TriageBot.IncidentLog;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.IncidentLog;

/// <summary>The incident log through the real endpoint: complete, encrypted where it holds what staff typed, tamper-evident.</summary>
public sealed class IncidentLogTests : IAsyncLifetime
{
    private const string Reason = "she ran towards the canal gate";
    private const string Conversation = "a:log-test";
    private RecordingConnector _connector = null!;
    private TestBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _bot = await TestBotHost.StartAsync();
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "QZ Y9", "not possible", Reason, "no" })
        {
            await _bot.Client.PostAsync(Activities.Message(_connector.ServiceUrl, Conversation, text));
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task EveryAnswerIsRecorded_InOrder_WithWhoAndWhen()
    {
        var incidentId = await FirstIncidentIdAsync();

        var events = await _bot.Services.GetRequiredService<IncidentLogReader>().ReadAsync(incidentId, CancellationToken.None);

        Assert.Equal(
            [IncidentEventTypes.Started, IncidentEventTypes.TypeChosen, IncidentEventTypes.DangerAnswered, IncidentEventTypes.ConfidentialityReminded,
             IncidentEventTypes.StudentReference, IncidentEventTypes.StepConfirmed, IncidentEventTypes.ReasonGiven, IncidentEventTypes.QuestionAnswered],
            events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(Activities.UserId, e.Actor.Id));
        Assert.Equal(Reason, events.Single(e => e.Type == IncidentEventTypes.ReasonGiven).Personal!["reason"]!.GetValue<string>());
        Assert.Equal("QZ Y9", events.Single(e => e.Type == IncidentEventTypes.StudentReference).Personal!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhatStaffTyped_IsNotReadableInTheDatabaseFile_NorInTheLogs()
    {
        await _bot.StopAsync();

        var bytes = await File.ReadAllBytesAsync(_bot.DatabasePath);
        var wal = File.Exists(_bot.DatabasePath + "-wal") ? await File.ReadAllBytesAsync(_bot.DatabasePath + "-wal") : [];
        foreach (var secret in new[] { Reason, "QZ Y9", "wants to die" })
        {
            Assert.False(Contains(bytes, secret), $"'{secret}' is readable in the database file");
            Assert.False(Contains(wal, secret), $"'{secret}' is readable in the write-ahead log");
        }

        var logs = _bot.ReadLogFiles();
        Assert.DoesNotContain(Reason, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("QZ Y9", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBotCannotEditOrDeleteAnEvent()
    {
        await using var connection = await OpenAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE incident_events SET type = 'x' WHERE sequence = 1;"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM incident_events WHERE sequence = 1;"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowChangedBehindTheBotsBack_IsNamedByVerify()
    {
        Assert.True((await VerifyAsync()).IsIntact);
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync("DROP TRIGGER incident_events_no_update;");
            await connection.ExecuteAsync("UPDATE incident_events SET data_json = '{\"inDanger\":true}' WHERE sequence = 3;");
        }

        var result = await VerifyAsync();

        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("does not match its hash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowDeletedBehindTheBotsBack_IsNamedByVerify()
    {
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync("DROP TRIGGER incident_events_no_delete;");
            await connection.ExecuteAsync("DELETE FROM incident_events WHERE sequence = 4;");
        }

        var result = await VerifyAsync();

        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Contains("event 4 is missing", result.Problem, StringComparison.Ordinal);
    }

    private Task<ChainVerification> VerifyAsync() => _bot.Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None);

    private async Task<string> FirstIncidentIdAsync()
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT incident_id FROM incident_events ORDER BY sequence LIMIT 1;") ?? string.Empty;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static bool Contains(byte[] haystack, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return haystack.AsSpan().IndexOf(needle) >= 0;
    }
}
