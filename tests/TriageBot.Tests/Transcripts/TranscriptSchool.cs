using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TriageBot.Tests.Deployment;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Transcripts;

/// <summary>
/// The school a transcript runs in: the real host on Kestrel with the repository's protocols/ (in the transcript's
/// region), a recording connector, and a clock stopped at Monday 23 November 2026, 09:00 in London, so the lead on
/// duty (Sam Taylor) and every time the bot shows are the same on every run. The rota's people have Teams identities
/// and have opened their chat with the bot, as in a school that finished setting it up: a card to the duty lead goes
/// to the lead, and the member of staff sees only the bot's answers.
/// </summary>
internal sealed class TranscriptSchool : IAsyncDisposable
{
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] RotaPeople = ["dsl", "deputy-1", "deputy-2", "head"];

    private const string UsContacts = """

          - id: cps_hotline
            name: State child abuse hotline (CPS)
            value: ""
          - id: community_mental_health
            name: Community mental health crisis team
            value: ""
          - id: district_office
            name: District office (allegations about staff)
            value: ""
          - id: threat_assessment
            name: District threat assessment team
            value: ""

        """;

    private TranscriptSchool(RecordingConnector connector, TestBotHost bot, string content)
    {
        Connector = connector;
        Bot = bot;
        Content = content;
    }

    public RecordingConnector Connector { get; }

    public TestBotHost Bot { get; }

    /// <summary>The content folder the bot serves (a copy of protocols/).</summary>
    public string Content { get; }

    public static async Task<TranscriptSchool> StartAsync(string region)
    {
        var content = ContentFor(region);
        var connector = await RecordingConnector.StartAsync();
        var clock = new HostClock(MondayMorning);
        var bot = await TestBotHost.StartAsync(
            new Dictionary<string, string?> { ["Protocols:Folder"] = content },
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var school = new TranscriptSchool(connector, bot, content);
        foreach (var person in RotaPeople)
        {
            // Their first message is what lets the bot write to them 1:1 later.
            var hello = await school.Bot.Client.PostAsync(school.Message($"a:aad-{person}", $"aad-{person}", "hi"));
            hello.EnsureSuccessStatusCode();
        }

        return school;
    }

    /// <summary>A message in a Teams 1:1 chat, from the person with that Entra object id.</summary>
    public JsonObject Message(string conversation, string aadObjectId, string? text)
    {
        var message = Activities.Message(Connector.ServiceUrl, conversation, text ?? string.Empty, "msteams");
        if (text is null)
        {
            message.Remove("text");
        }

        message["from"] = new JsonObject { ["id"] = $"29:{aadObjectId}", ["name"] = "Staff member", ["aadObjectId"] = aadObjectId, ["role"] = "user" };
        message["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        return message;
    }

    /// <summary>Teams adds the bot to someone's 1:1 chat (the app was installed for them).</summary>
    public JsonObject ChatOpened(string conversation, string aadObjectId)
    {
        var update = Activities.ConversationUpdate(Connector.ServiceUrl, conversation, "msteams");
        update["from"] = new JsonObject { ["id"] = $"29:{aadObjectId}", ["aadObjectId"] = aadObjectId, ["role"] = "user" };
        update["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        return update;
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        Directory.Delete(Content, recursive: true);
    }

    /// <summary>A copy of protocols/ in the given region, its rota's people known by Entra object id.</summary>
    private static string ContentFor(string region)
    {
        var source = RepositoryRoot.PathTo("protocols");
        var copy = Directory.CreateTempSubdirectory("triagebot-transcript-content-").FullName;
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var school = Path.Combine(copy, "school.yaml");
        var settings = File.ReadAllText(school);
        if (!settings.Contains("\nregion: uk\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("protocols/school.yaml no longer says 'region: uk' on a line of its own; update TranscriptSchool.");
        }

        settings = settings.Replace("\nregion: uk\n", $"\nregion: {region}\n", StringComparison.Ordinal);
        if (region == "us")
        {
            // The US pack's agencies name contacts a UK school.yaml has no reason to define; a US school adds them.
            settings = settings.Replace("\nsources:\n", UsContacts + "sources:\n", StringComparison.Ordinal);
        }

        File.WriteAllText(school, settings);

        var rota = Path.Combine(copy, "rota.yaml");
        var text = File.ReadAllText(rota);
        foreach (var lead in RotaPeople)
        {
            // Each person's "- id: x" line is followed by name, role and email: swap the email for an object id.
            text = System.Text.RegularExpressions.Regex.Replace(
                text,
                $@"(- id: {lead}\n(?:    \w+: .*\n){{2}})    email: .*\n",
                $"$1    aad_object_id: aad-{lead}\n");
            if (!text.Contains($"aad_object_id: aad-{lead}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"protocols/rota.yaml has no person '{lead}' with an email line; update TranscriptSchool.");
            }
        }

        File.WriteAllText(rota, text);
        return copy;
    }
}
