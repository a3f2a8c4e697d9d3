using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Resilience;

/// <summary>
/// The process dies between turns (killed, not stopped) and starts again on the same database: the member of staff
/// carries on exactly where they were, and nothing they reported is lost.
/// </summary>
public sealed class KillAndRestartTests
{
    [Fact]
    public async Task KilledBetweenTurns_TheStaffMemberResumesWhereTheyWere()
    {
        var contentRoot = Directory.CreateTempSubdirectory("triagebot-kill-").FullName;
        await using var connector = await RecordingConnector.StartAsync();
        const string conversation = "a:kill-restart";

        await using (var first = await BotProcess.StartAsync(contentRoot))
        {
            foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done" })
            {
                var response = await first.Client.PostAsync(Activities.Message(connector.ServiceUrl, conversation, text));
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }

            Assert.Contains("Does the student have", connector.Calls[^1].Body!.ToJsonString(), StringComparison.Ordinal);
            await first.KillAsync();
        }

        var before = connector.Calls.Count;
        await using var second = await BotProcess.StartAsync(contentRoot);
        var answer = await second.Client.PostAsync(Activities.Message(connector.ServiceUrl, conversation, "no"));

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        var replies = connector.Calls.Skip(before).Select(call => call.Body!.ToJsonString()).ToList();
        Assert.Contains(replies, reply => reply.Contains("In the past few weeks, have you wished you were dead?", StringComparison.Ordinal));

        // Every answer given before the kill is in the log, and the chain verifies.
        await second.KillAsync();
        var (exitCode, output) = await BotProcess.RunCommandAsync(contentRoot, "verify", $"--contentRoot={contentRoot}");
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"^\d+ events, chain intact", output.Trim().Split('\n')[^1]);
        var events = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"(\d+) events, chain intact").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(events >= 6, $"expected the report's answers in the log, got {events} events");
    }
}
