using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TriageBot.Tests.Deployment;

/// <summary>
/// The Teams app manifest in deploymentTemplates/teams: what this bot needs of it and what package.sh fills in. The
/// official schema itself is checked by <see cref="TeamsManifestSchemaTests"/>.
/// </summary>
public sealed partial class TeamsManifestTests
{
    private static readonly string[] Commands = ["help", "cancel", "report a concern", "who is on duty"];

    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    private static string TeamsFolder => RepositoryRoot.PathTo("deploymentTemplates", "teams");

    private static JsonObject Manifest() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFolder, "manifest.json")))!.AsObject();

    [Fact]
    public void Manifest_ParsesAsJsonObject()
    {
        var manifest = Manifest();

        Assert.NotEmpty(manifest);
    }

    [Fact]
    public void Manifest_SchemaUrlNamesTheManifestVersion()
    {
        var manifest = Manifest();
        var version = (string)manifest["manifestVersion"]!;

        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
    }

    [Fact]
    public void Manifest_HasOneBotWhoseIdIsThePlaceholder()
    {
        var bots = Manifest()["bots"]!.AsArray();

        var bot = Assert.Single(bots)!;
        Assert.Equal("${{BOT_ID}}", (string?)bot["botId"]);
        Assert.Equal(BotScopes, bot["scopes"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void Manifest_EveryScopeListsTheBotsCommands()
    {
        var commandLists = Manifest()["bots"]![0]!["commandLists"]!.AsArray();

        Assert.InRange(commandLists.Count, 1, 3);
        foreach (var scope in BotScopes)
        {
            var list = commandLists.SingleOrDefault(l => l!["scopes"]!.AsArray().Any(s => (string?)s == scope));
            Assert.True(list is not null, $"no command list for scope {scope}");
            var titles = list["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
            Assert.InRange(titles.Count, 1, 12);
            Assert.Equal(Commands.Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Manifest_ValidDomainsHoldTheBotDomainPlaceholder()
    {
        var domains = Manifest()["validDomains"]!.AsArray().Select(d => (string)d!).ToList();

        Assert.Contains("${{BOT_DOMAIN}}", domains);
        Assert.All(domains, d => Assert.DoesNotContain("://", d, StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_IconsAreFilesNextToTheManifest()
    {
        var icons = Manifest()["icons"]!;

        Assert.Equal("color.png", (string?)icons["color"]);
        Assert.Equal("outline.png", (string?)icons["outline"]);
        Assert.True(File.Exists(Path.Combine(TeamsFolder, "color.png")));
        Assert.True(File.Exists(Path.Combine(TeamsFolder, "outline.png")));
    }

    [Fact]
    public void PackageScript_FillsInEveryPlaceholderOfTheManifest()
    {
        var manifestText = File.ReadAllText(Path.Combine(TeamsFolder, "manifest.json"));
        var script = File.ReadAllText(Path.Combine(TeamsFolder, "package.sh"));
        var substituted = SubstitutionLoop().Match(script);

        Assert.True(substituted.Success, "package.sh has no 'for name in ...; do' substitution loop");
        var names = substituted.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var placeholders = Placeholder().Matches(manifestText).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("BOT_ID", placeholders);
        Assert.All(placeholders, p => Assert.Contains(p, names));
    }

    [Fact]
    public void PackageScript_ZipsManifestAndIconsIntoIgnoredBuildFolder()
    {
        var script = File.ReadAllText(Path.Combine(TeamsFolder, "package.sh"));
        var ignore = File.ReadAllLines(Path.Combine(TeamsFolder, ".gitignore"));

        Assert.StartsWith("#!/usr/bin/env bash", script, StringComparison.Ordinal);
        Assert.Contains("triagebot-teams.zip", script, StringComparison.Ordinal);
        Assert.Contains("manifest.json color.png outline.png", script, StringComparison.Ordinal);
        Assert.Contains("build/", ignore);
    }

    [GeneratedRegex(@"\$\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"for name in ([A-Z_ ]+); do\s+manifest=")]
    private static partial Regex SubstitutionLoop();
}
