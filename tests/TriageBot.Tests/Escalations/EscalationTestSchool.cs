using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TriageBot.Tests.Deployment;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Escalations;

/// <summary>
/// A school for escalation tests: the shipped content with the rota's people given Entra object ids, the bot on a
/// manual clock (Monday 23 November 2026, 09:00 in London: Sam Taylor on duty, then Alex Morgan, then Jordan Lee),
/// and a recording connector. Staff and leads talk to the bot in Teams-shaped 1:1 conversations.
/// </summary>
internal sealed class EscalationTestSchool : IAsyncDisposable
{
    public const string LeadAad = "aad-dsl";
    public const string DeputyAad = "aad-deputy-1";
    public const string HeadAad = "aad-head";
    public const string StaffConversation = "a:staff-1";

    private readonly IDictionary<string, string?> _settings;

    private EscalationTestSchool(RecordingConnector connector, TestBotHost bot, HostClock clock, IDictionary<string, string?> settings)
    {
        Connector = connector;
        Bot = bot;
        Clock = clock;
        _settings = settings;
    }

    public RecordingConnector Connector { get; }

    public TestBotHost Bot { get; private set; }

    public HostClock Clock { get; private set; }

    /// <param name="settings">Extra configuration, e.g. ConnectorRetry:MaxRetryAttempts = 0 to leave retries to the outbox.</param>
    public const string SafeguardingChannel = "19:safeguarding@thread.tacv2";

    /// <param name="leadByEmailOnly">The rota names Sam Taylor by email only (no Entra object id), as many schools start.</param>
    /// <param name="moreServices">Services the test adds or replaces (an in-memory telemetry exporter).</param>
    public static async Task<EscalationTestSchool> StartAsync(IDictionary<string, string?>? settings = null, bool withChannel = false, bool leadByEmailOnly = false, Action<IServiceCollection>? moreServices = null)
    {
        var content = ContentWithAadIds(leadByEmailOnly);
        if (withChannel)
        {
            var rota = Path.Combine(content, "rota.yaml");
            File.WriteAllText(rota, File.ReadAllText(rota).Replace("  conversation_id: \"\"", $"  conversation_id: \"{SafeguardingChannel}\"", StringComparison.Ordinal));
        }

        // The deadline timer runs once at start; after that the tests call it, so a background tick never races them.
        var all = new Dictionary<string, string?>
        {
            ["Protocols:Folder"] = content,
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Escalations:TimerInterval"] = "01:00:00",
            ["FollowUps:TimerInterval"] = "01:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var clock = new HostClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var connector = await RecordingConnector.StartAsync();
        var bot = await TestBotHost.StartAsync(all, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            moreServices?.Invoke(services);
        });
        await FirstFollowUpPassAsync(bot);
        return new EscalationTestSchool(connector, bot, clock, all);
    }

    /// <summary>Stops the bot and starts a new one on the same database, keys and content, its clock moved on.</summary>
    public async Task RestartAsync(TimeSpan later)
    {
        var folder = Bot.Folder;
        var now = Clock.GetUtcNow() + later;
        await Bot.StopAsync();
        Clock = new HostClock(now);
        var clock = Clock;
        Bot = await TestBotHost.StartAsync(_settings, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)), folder);
        await FirstFollowUpPassAsync(Bot);
    }

    /// <summary>
    /// The follow-up timer's first pass (today's digest, due reminders), which the host starts in the background, done
    /// before anyone talks to the bot: the in-memory host starts so fast that the pass could otherwise land after the
    /// test's first messages and send the digest to a lead who has just said hello. A second pass changes nothing.
    /// </summary>
    private static Task FirstFollowUpPassAsync(TestBotHost bot) =>
        bot.Services.GetRequiredService<TriageBot.FollowUps.FollowUpTimer>().RunOnceAsync(CancellationToken.None);

    public static string ConversationOf(string aad) => $"a:{aad}";

    /// <summary>Someone @mentions the bot in the safeguarding channel once, so the bot knows the channel's address.</summary>
    public Task<HttpResponseMessage> MentionInChannelAsync()
    {
        var message = Message(SafeguardingChannel, "aad-head", "hello");
        message["conversation"] = new JsonObject { ["id"] = SafeguardingChannel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
        return Bot.Client.PostAsync(message);
    }

    /// <summary>The three leads (and any others named) say hello once, so the bot can write to them 1:1 later.</summary>
    public async Task LeadsSayHelloAsync(params string[] others)
    {
        foreach (var person in new[] { LeadAad, DeputyAad, HeadAad }.Concat(others))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await SayAsync(person, "hi")).StatusCode);
        }
    }

    /// <summary>Someone says something in their 1:1 chat with the bot (so the bot can reach them later).</summary>
    public Task<HttpResponseMessage> SayAsync(string aad, string text, string? conversation = null) =>
        Bot.Client.PostAsync(Message(conversation ?? ConversationOf(aad), aad, text));

    public Task<HttpResponseMessage> PressAsync(string aad, string conversation, JsonObject value)
    {
        var message = Message(conversation, aad, string.Empty);
        message.Remove("text");
        message["value"] = value;
        return Bot.Client.PostAsync(message);
    }

    /// <summary>A lead presses an Action.Execute button: an adaptiveCard/action invoke.</summary>
    public Task<HttpResponseMessage> ExecuteAsync(string aad, string verb, JsonObject data, string? conversation = null)
    {
        var invoke = Message(conversation ?? ConversationOf(aad), aad, string.Empty);
        invoke.Remove("text");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return Bot.Client.PostAsync(invoke);
    }

    /// <summary>A lead presses an Action.Execute button on a card in the safeguarding channel (not a 1:1 chat).</summary>
    public Task<HttpResponseMessage> ExecuteInChannelAsync(string aad, string verb, JsonObject data)
    {
        var invoke = Message(SafeguardingChannel, aad, string.Empty);
        invoke.Remove("text");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["conversation"] = new JsonObject { ["id"] = SafeguardingChannel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return Bot.Client.PostAsync(invoke);
    }

    /// <summary>The staff member reports a suicide concern and answers the ASQ up to an acute positive screen.</summary>
    public async Task ReportAcutePositiveAsqAsync(string staffAad = "aad-staff-1")
    {
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no", "yes", "no", "no", "no", "yes" })
        {
            var response = await SayAsync(staffAad, text, StaffConversation);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Calls to the connector in one conversation, in order.</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string conversation) =>
        Connector.Calls.Where(call => call.RawPath.Contains($"/v3/conversations/{Uri.EscapeDataString(conversation)}", StringComparison.Ordinal)).ToList();

    /// <summary>Waits for an escalation card (or the card <paramref name="match"/> picks) to reach a conversation.</summary>
    public async Task<RecordedCall> WaitForCardAsync(string conversation, Func<RecordedCall, bool>? match = null, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (CallsTo(conversation).LastOrDefault(call => call.Card is not null && call.Status == 200 && (match ?? IsEscalationCard)(call)) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"No card reached {conversation} within {timeoutMs} ms. Calls: {string.Join("; ", Connector.Calls.Select(c => c.Method + " " + c.RawPath))}");
        return null!;
    }

    public static bool IsEscalationCard(RecordedCall call) =>
        call.Method == "POST" && call.Card?.ToJsonString().Contains("escalationId", StringComparison.Ordinal) == true;

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }

    private JsonObject Message(string conversation, string aad, string text)
    {
        var message = Activities.Message(Connector.ServiceUrl, conversation, text, "msteams");
        message["from"] = new JsonObject { ["id"] = $"29:{aad}", ["name"] = NameOf(aad), ["aadObjectId"] = aad, ["role"] = "user" };
        message["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        return message;
    }

    private static string NameOf(string aad) => aad switch
    {
        LeadAad => "Sam Taylor",
        DeputyAad => "Alex Morgan",
        HeadAad => "Jordan Lee",
        _ => "A Teacher",
    };

    private static string ContentWithAadIds(bool leadByEmailOnly)
    {
        var source = RepositoryRoot.PathTo("protocols");
        var copy = Directory.CreateTempSubdirectory("triagebot-escalation-content-").FullName;
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var rota = Path.Combine(copy, "rota.yaml");
        File.WriteAllText(rota, File.ReadAllText(rota)
            .Replace("    email: dsl@example.org", leadByEmailOnly ? "    email: dsl@example.org" : $"    aad_object_id: {LeadAad}", StringComparison.Ordinal)
            .Replace("    email: deputy.dsl@example.org", $"    aad_object_id: {DeputyAad}", StringComparison.Ordinal)
            .Replace("    email: head@example.org", $"    aad_object_id: {HeadAad}", StringComparison.Ordinal));
        return copy;
    }
}
