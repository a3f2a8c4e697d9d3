using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Escalations;
using TriageBot.IncidentLog;
using TriageBot.Incidents;
using TriageBot.Retention;
using TriageBot.Tests.Escalations;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;

namespace TriageBot.Tests.Retention;

/// <summary>
/// With a 30-day retention period: an incident's personal data is kept while it is open and for 30 days after it
/// closes, then destroyed (its key deleted) and the purge recorded; the chronology's other facts stay and the hash
/// chain still verifies.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync() => _school = await EscalationTestSchool.StartAsync(new Dictionary<string, string?>
    {
        ["Retention:AfterClosureDays"] = "30",
        ["Retention:TimerInterval"] = "01:00:00",
    });

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task PersonalData_IsDestroyed30DaysAfterClosure_AndThePurgeIsRecorded()
    {
        foreach (var text in new[] { "a year 9 boy said he has been cutting his arms at home", "no", "cancel", "I reported the wrong student" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Staff, text, EscalationTestSchool.StaffConversation)).StatusCode);
        }

        await TickAsync(_school);
        var incidentId = await SingleAsync<string>("SELECT id FROM incidents;");
        Assert.Equal("closed", await SingleAsync<string>("SELECT status FROM incidents;"));
        var purge = _school.Bot.Services.GetRequiredService<PersonalDataPurge>();
        var events = _school.Bot.Services.GetRequiredService<IIncidentEventSource>();
        Assert.Contains(await events.ReadAsync(incidentId, CancellationToken.None), e => e.Personal?["description"]?.GetValue<string>()?.Contains("cutting", StringComparison.Ordinal) == true);

        // Day 29 after closure: kept.
        _school.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await purge.RunOnceAsync(CancellationToken.None));

        // Day 31: destroyed, once, and recorded.
        _school.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await purge.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await purge.RunOnceAsync(CancellationToken.None));

        var after = await events.ReadAsync(incidentId, CancellationToken.None);
        Assert.DoesNotContain(after, e => e.Personal?.ToJsonString().Contains("cutting", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(after, e => e.Personal?.ToJsonString().Contains("wrong student", StringComparison.Ordinal) == true);
        Assert.Contains(after, e => PersonalDataProtector.IsRemoved(e.Personal));
        Assert.Single(after, e => e.Type == RecordEventTypes.PersonalDataPurged);
        Assert.Contains(after, e => e.Type == TriageBot.Dialogs.Incidents.IncidentEventTypes.Cancelled);
        Assert.Equal(0, await SingleAsync<long>("SELECT COUNT(*) FROM incident_keys;"));
        Assert.NotNull(await SingleAsync<string?>("SELECT personal_purged_at FROM incidents;"));
        Assert.True((await _school.Bot.Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task AnOpenIncident_IsNeverPurged_HoweverOld()
    {
        foreach (var text in new[] { "a year 9 boy said he has been cutting his arms at home", "no" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Staff, text, EscalationTestSchool.StaffConversation)).StatusCode);
        }

        await TickAsync(_school);
        _school.Clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await _school.Bot.Services.GetRequiredService<PersonalDataPurge>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, await SingleAsync<long>("SELECT COUNT(*) FROM incident_keys;"));
    }

    private async Task<T> SingleAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.QuerySingleAsync<T>(sql);
    }
}
