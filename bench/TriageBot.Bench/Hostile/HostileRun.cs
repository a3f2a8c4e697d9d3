using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TriageBot.Bench.Targets;
using TriageBot.Tests.Hostile;

namespace TriageBot.Bench.Hostile;

/// <summary>
/// Issue 13's must-shows, measured on the Release build as its own process: for each fuzz size, a fresh bot gets a
/// valid report (warm-up), a full GC and its VmRSS read, the seeded hostile activities (ActivityMutator, shared with
/// the fuzz test), a valid report again, a full GC and VmRSS again; its log is searched for stack traces and typed
/// text. Then a fresh bot gets N distinct conversation ids with one message each, VmRSS read every tenth of the way.
/// The full GC is POST /diagnostics/gc, mapped only because the bench starts the bot with Diagnostics:FullGcEndpoint.
/// </summary>
internal sealed partial class HostileRun(HostileOptions options, TextWriter output)
{
    /// <summary>As in the fuzz test: an invoke nobody handles answers 501, as the Bot Framework SDK does.</summary>
    private static readonly HashSet<int> Justified5xx = [501];

    private const long RssBoundMiB = 50;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine($"Hostile run: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, bot {options.BotDll}");
        await using var connector = await SinkConnector.StartAsync();
        var table = new StringBuilder();
        table.AppendLine("| run | requests | statuses | unexplained 5xx | crashed | RSS before / after (MiB, after full GC) | growth (MiB) | RSS a tenth in / at the end (MiB, no GC) | peak RSS (MiB) | valid report after | stack-trace lines in log | typed text in log | wall time |");
        table.AppendLine("|---|---:|---|---:|---|---:|---:|---:|---:|---|---:|---:|---:|");
        var ok = true;
        foreach (var cases in options.Cases)
        {
            var result = await FuzzAsync(connector, cases, cancellationToken);
            ok &= result.Passed;
            table.AppendLine(result.Row);
        }

        if (options.Conversations > 0)
        {
            var result = await ConversationsAsync(connector, options.Conversations, cancellationToken);
            ok &= result.Passed;
            table.AppendLine(result.Row);
        }

        output.WriteLine();
        output.WriteLine(table.ToString());
        output.WriteLine(ok ? "All must-shows met." : "NOT MET: see the rows above.");
        return ok ? 0 : 1;
    }

    private async Task<RunResult> FuzzAsync(SinkConnector connector, int cases, CancellationToken cancellationToken)
    {
        var mutator = new ActivityMutator(options.Seed, connector.ServiceUrl);
        var unexplained = new ConcurrentQueue<string>();
        return await MeasureAsync(connector, $"fuzz {cases:N0} (seed {options.Seed})", cases, async (client, i) =>
        {
            (string Body, string What) next;
            lock (mutator)
            {
                next = mutator.Next();
            }

            using var response = await client.PostAsync("api/messages", new StringContent(next.Body, Encoding.UTF8, "application/json"), cancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 500 && !Justified5xx.Contains(status) && unexplained.Count < 20)
            {
                unexplained.Enqueue($"case {i}: {status} for {next.What}");
            }

            return status;
        }, unexplained, growthAfterGc: true, cancellationToken);
    }

    private async Task<RunResult> ConversationsAsync(SinkConnector connector, int conversations, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return await MeasureAsync(connector, $"{conversations:N0} distinct conversations, one message each", conversations, async (client, i) =>
        {
            var activity = Message(connector.ServiceUrl, $"a:{run}-{i.ToString("D7", CultureInfo.InvariantCulture)}", $"29:{run}-user-{i.ToString(CultureInfo.InvariantCulture)}",
                "a year 9 girl told me she wants to die");
            using var response = await client.PostAsync("api/messages", Json(activity), cancellationToken);
            return (int)response.StatusCode;
        }, new ConcurrentQueue<string>(), growthAfterGc: false, cancellationToken);
    }

    private async Task<RunResult> MeasureAsync(
        SinkConnector connector, string name, int requests, Func<HttpClient, int, Task<int>> send, ConcurrentQueue<string> unexplained, bool growthAfterGc,
        CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("triagebot-hostile-").FullName;
        var logPath = Path.Combine(root, "bot.log");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        File.Copy(Path.Combine(Path.GetDirectoryName(options.BotDll)!, "appsettings.json"), Path.Combine(root, "appsettings.json"));
        string[] arguments =
        [
            "--Diagnostics:FullGcEndpoint=true",

            // Some cases point serviceUrl at a closed port: fail those fast instead of after the production backoff.
            "--ConnectorRetry:MaxRetryAttempts=1", "--ConnectorRetry:BaseDelay=00:00:00.010", "--ConnectorRetry:MaxDelay=00:00:00.050",
        ];

        var statuses = new ConcurrentDictionary<int, long>();
        long rssBefore, rssAfter, peak;
        bool validAfter, crashed;
        var samples = new List<(int At, long RssKb)>();
        await using (var log = new StreamWriter(logPath))
        {
            await using var bot = await TargetProcess.StartAsync("TriageBot", options.BotDll, root, arguments, new Dictionary<string, string>(), "readyz", TimeSpan.FromSeconds(60), log);
            using var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            output.WriteLine($"{name}: bot pid {bot.Memory.Pid}, content root {root}");

            if (!await ValidReportAsync(client, connector, "valid-before-" + Guid.NewGuid().ToString("N"), cancellationToken))
            {
                throw new InvalidOperationException($"{name}: a valid report did not complete on a fresh bot; last output:\n{bot.LastOutput}");
            }

            rssBefore = await RssAfterFullGcAsync(client, bot);
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sampler = bot.Memory.SampleAsync(TimeSpan.FromMilliseconds(100), sampling.Token);
            var next = 0;
            var tenth = Math.Max(1, requests / 10);
            var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) is var i && i <= requests && !bot.HasExited)
                {
                    try
                    {
                        statuses.AddOrUpdate(await send(client, i), 1, (_, count) => count + 1);
                    }
                    catch (HttpRequestException)
                    {
                        statuses.AddOrUpdate(0, 1, (_, count) => count + 1);
                    }

                    if (i % tenth == 0)
                    {
                        lock (samples)
                        {
                            samples.Add((i, bot.Memory.RssKb ?? 0));
                        }

                        output.WriteLine($"{name}: {i:N0} sent, RSS {(bot.Memory.RssKb ?? 0) / 1024} MiB");
                    }
                }
            }).ToList();
            await Task.WhenAll(workers);
            await sampling.CancelAsync();
            await sampler;
            peak = bot.Memory.PeakSampledRssKb;
            crashed = bot.HasExited;
            validAfter = !crashed && await ValidReportAsync(client, connector, "valid-after-" + Guid.NewGuid().ToString("N"), cancellationToken);
            rssAfter = crashed ? 0 : await RssAfterFullGcAsync(client, bot);

            // Let the bot's asynchronous log sink reach the console before the process is stopped.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        var logText = await File.ReadAllTextAsync(logPath, cancellationToken);
        var stackLines = StackTraceLine().Count(logText);
        var typed = CountOf(logText, ActivityMutator.TypedMarker) + CountOf(logText, "wishes she was dead") + CountOf(logText, "wants to die");
        var fiveHundreds = statuses.Where(pair => pair.Key >= 500 && !Justified5xx.Contains(pair.Key)).Sum(pair => pair.Value);
        var growth = (rssAfter - rssBefore) / 1024.0;

        // Fuzz (the issue's must-show): RSS after a full GC within 50 MiB of before. Distinct conversations: "stays
        // bounded", judged as no growth with the count: RSS at the end within 50 MiB of RSS a tenth of the way in, once
        // the fixed-size caches (state, references, SQLite's page cache) have filled.
        samples.Sort();
        var plateau = samples.Count > 1 ? (samples[^1].RssKb - samples[0].RssKb) / 1024.0 : 0;
        var memoryBounded = growthAfterGc ? growth <= RssBoundMiB : plateau <= RssBoundMiB;
        var passed = !crashed && fiveHundreds == 0 && statuses.GetValueOrDefault(0) == 0 && validAfter && stackLines == 0 && typed == 0 && memoryBounded;
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        foreach (var line in unexplained)
        {
            output.WriteLine($"{name}: {line}");
        }

        output.WriteLine($"{name}: RSS while sending (MiB, no GC) at {string.Join(", ", samples.Select(x => $"{x.At:N0}: {x.RssKb / 1024}"))}");
        if (!growthAfterGc)
        {
            output.WriteLine($"{name}: RSS from a tenth of the way to the end: {plateau:+0;-0;0} MiB (bound {RssBoundMiB})");
        }
        if (!options.Keep)
        {
            Directory.Delete(root, recursive: true);
        }

        var statusText = string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "no answer" : p.Key.ToString(CultureInfo.InvariantCulture))}: {p.Value:N0}"));
        return new RunResult(passed,
            $"| {name} | {requests:N0} | {statusText} | {fiveHundreds:N0} | {(crashed ? "**yes**" : "no")} | {rssBefore / 1024} / {rssAfter / 1024} | {growth:+0;-0;0} | {(samples.Count > 0 ? samples[0].RssKb / 1024 : 0)} / {(samples.Count > 0 ? samples[^1].RssKb / 1024 : 0)} | {peak / 1024} | {(validAfter ? "completed" : "**failed**")} | {stackLines} | {typed} | {elapsed.TotalSeconds:0} s |");
    }

    private static async Task<bool> ValidReportAsync(HttpClient client, SinkConnector connector, string conversationId, CancellationToken cancellationToken)
    {
        connector.Watch(conversationId);
        foreach (var text in ValidReport.Typed)
        {
            using var response = await client.PostAsync("api/messages", Json(Message(connector.ServiceUrl, conversationId, "29:valid-staff", text)), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
        }

        return connector.Received(conversationId).Any(body => body["summary"] is JsonValue title && title.ToString() == ValidReport.SummaryTitle);
    }

    /// <summary>VmRSS in KiB after the bot ran a full compacting GC.</summary>
    private async Task<long> RssAfterFullGcAsync(HttpClient client, TargetProcess bot)
    {
        using var response = await client.PostAsync("diagnostics/gc", content: null);
        response.EnsureSuccessStatusCode();
        var managed = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["managedBytes"]?.GetValue<long>() ?? 0;
        await Task.Delay(500);
        var rss = bot.Memory.RssKb ?? 0;
        output.WriteLine($"  after a full GC: VmRSS {rss / 1024} MiB, managed heap {managed / 1024 / 1024} MiB");
        return rss;
    }

    private static JsonObject Message(string serviceUrl, string conversationId, string userId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "m-" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-12-07T09:00:05.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Staff", ["aadObjectId"] = Guid.NewGuid().ToString(), ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "TriageBot", ["role"] = "bot" },
        ["text"] = text,
        ["locale"] = "en-GB",
    };

    private static StringContent Json(JsonNode node)
    {
        var content = new StringContent(node.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static int CountOf(string text, string fragment) => Regex.Count(text, Regex.Escape(fragment));

    [GeneratedRegex(@"(?m)^\s+at [\w.`<>\[\]|,+]+\(")]
    private static partial Regex StackTraceLine();

    private sealed record RunResult(bool Passed, string Row);
}
