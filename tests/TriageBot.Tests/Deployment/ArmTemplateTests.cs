using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TriageBot.Connector.Authentication;

namespace TriageBot.Tests.Deployment;

/// <summary>
/// The ARM templates in deploymentTemplates/azure. Nothing here can reach Azure, so these tests check what would
/// otherwise only fail at deployment or, worse, at the first message: names of settings, the endpoint path, the runtime.
/// </summary>
public sealed partial class ArmTemplateTests
{
    private const string BotAppTemplate = "template-BotApp-with-rg.json";
    private const string AzureBotTemplate = "template-AzureBot-with-rg.json";

    /// <summary>The configuration keys the bot binds (BotFrameworkOptions), spelled as the Bot Framework SDK spells them.</summary>
    private static readonly string[] BotConfigurationKeys =
        ["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"];

    public static TheoryData<string> Templates => new() { BotAppTemplate, AzureBotTemplate };

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.PathTo("deploymentTemplates", "azure", file)))!.AsObject();

    private static JsonObject Resource(JsonObject template, string type) =>
        template["resources"]!.AsArray().Single(r => (string?)r!["type"] == type)!.AsObject();

    private static JsonObject SiteConfig() =>
        Resource(Load(BotAppTemplate), "Microsoft.Web/sites")["properties"]!["siteConfig"]!.AsObject();

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_ParsesAsAnArmDeploymentTemplate(string file)
    {
        var template = Load(file);

        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)template["$schema"]);
        Assert.NotNull(template["contentVersion"]);
        Assert.NotEmpty(template["resources"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_ExpressionsUseOnlyDeclaredParametersAndVariables(string file)
    {
        var text = File.ReadAllText(RepositoryRoot.PathTo("deploymentTemplates", "azure", file));
        var template = Load(file);
        var parameters = template["parameters"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var variables = template["variables"]?.AsObject().Select(v => v.Key).ToHashSet(StringComparer.Ordinal) ?? [];

        Assert.All(ParameterReference().Matches(text).Select(m => m.Groups[1].Value), p => Assert.Contains(p, parameters));
        Assert.All(VariableReference().Matches(text).Select(m => m.Groups[1].Value), v => Assert.Contains(v, variables));
        Assert.All(Expressions(template), e => Assert.Equal(e.Count(c => c == '('), e.Count(c => c == ')')));
    }

    [Fact]
    public void BotApp_AppSettings_AreExactlyTheBotConfigurationKeys()
    {
        var names = SiteConfig()["appSettings"]!.AsArray().Select(s => (string)s!["name"]!).ToList();

        Assert.All(BotConfigurationKeys, key => Assert.Contains(key, names));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Anything else must be an App Service platform setting or a host setting the bot binds, never a near-miss such as MicrosoftAppID.
        Assert.All(
            names.Except(BotConfigurationKeys, StringComparer.Ordinal),
            name => Assert.True(name.StartsWith("WEBSITE", StringComparison.Ordinal) || name == JournalModeSetting, name));
    }

    private const string JournalModeSetting = "Storage__SqliteJournalMode";

    [Fact]
    public void BotApp_UsesARollbackJournal_BecauseWalIsUnreliableOnTheHomeShare()
    {
        var setting = SiteConfig()["appSettings"]!.AsArray().Single(s => (string)s!["name"]! == JournalModeSetting)!;

        Assert.Equal("DELETE", (string)setting["value"]!);
        Assert.Contains("DELETE", TriageBot.Storage.StorageOptions.JournalModes);
        Assert.Equal(
            $"{TriageBot.Storage.StorageOptions.SectionName}__{nameof(TriageBot.Storage.StorageOptions.SqliteJournalMode)}",
            JournalModeSetting);
    }

    [Fact]
    public void BotConfigurationKeys_AreTheNamesTheBotBinds()
    {
        var bound = typeof(BotFrameworkOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        Assert.All(BotConfigurationKeys, key => Assert.Contains(key, bound));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_AppTypes_AreTheOnesTheBotUnderstands(string file)
    {
        var allowed = Load(file)["parameters"]!["appType"]!["allowedValues"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { BotFrameworkOptions.MultiTenant, BotFrameworkOptions.SingleTenant, BotFrameworkOptions.UserAssignedManagedIdentity }.Order(StringComparer.Ordinal),
            allowed);
    }

    [Fact]
    public void BotApp_ConnectionString_TriageBotPointsAtAFileUnderHome()
    {
        var template = Load(BotAppTemplate);
        var connection = Assert.Single(SiteConfig()["connectionStrings"]!.AsArray())!;

        Assert.Equal("TriageBot", (string?)connection["name"]);
        Assert.Contains("Data Source=", (string)connection["connectionString"]!, StringComparison.Ordinal);
        Assert.StartsWith("/home/", (string?)template["parameters"]!["sqliteDatabasePath"]!["defaultValue"], StringComparison.Ordinal);
    }

    [Fact]
    public void BotApp_RunsTheTargetFrameworkOfTheRepository_AlwaysOn_HttpsOnly()
    {
        var site = Resource(Load(BotAppTemplate), "Microsoft.Web/sites");
        var targetFramework = XDocument.Load(RepositoryRoot.PathTo("Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        var plan = Resource(Load(BotAppTemplate), "Microsoft.Web/serverfarms");

        Assert.Equal($"DOTNETCORE|{targetFramework.Replace("net", string.Empty, StringComparison.Ordinal)}", (string?)site["properties"]!["siteConfig"]!["linuxFxVersion"]);
        Assert.Equal("app,linux", (string?)site["kind"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.True((bool)site["properties"]!["siteConfig"]!["alwaysOn"]!);
        Assert.True((bool)plan["properties"]!["reserved"]!, "a Linux plan needs reserved: true");
    }

    [Fact]
    public void AzureBot_IsAnAzureBotWithTheAppIdentity()
    {
        var bot = Resource(Load(AzureBotTemplate), "Microsoft.BotService/botServices");
        var properties = bot["properties"]!.AsObject();

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.All(
            ["msaAppType", "msaAppId", "msaAppTenantId", "msaAppMSIResourceId", "endpoint"],
            key => Assert.True(properties.ContainsKey(key), $"botServices properties lack {key}"));
    }

    [Theory]
    [InlineData(AzureBotTemplate, "Microsoft.BotService/botServices")]
    [InlineData(BotAppTemplate, null)]
    public void BotEndpoint_IsTheWebAppsApiMessages(string file, string? resourceType)
    {
        var template = Load(file);
        var endpoint = resourceType is null
            ? (string)template["outputs"]!["botEndpoint"]!["value"]!
            : (string)Resource(template, resourceType)["properties"]!["endpoint"]!;

        var resolved = ResolveVariable(template, endpoint);

        Assert.Equal("[concat('https://', parameters('appServiceName'), '.azurewebsites.net/api/messages')]", resolved);
        Assert.EndsWith("/api/messages')]", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureBot_HasTheMicrosoftTeamsChannelEnabled()
    {
        var channel = Resource(Load(AzureBotTemplate), "Microsoft.BotService/botServices/channels");

        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.EndsWith("/MsTeamsChannel')]", (string?)channel["name"], StringComparison.Ordinal);
        Assert.True((bool)channel["properties"]!["properties"]!["isEnabled"]!);
    }

    [Theory]
    [InlineData("parameters-for-template-BotApp-with-rg.json", BotAppTemplate)]
    [InlineData("parameters-for-template-AzureBot-with-rg.json", AzureBotTemplate)]
    public void ParametersFile_NamesOnlyTemplateParameters_GivesEveryRequiredOne_AndHoldsNoSecret(string parametersFile, string templateFile)
    {
        var declared = Load(templateFile)["parameters"]!.AsObject();
        var given = Load(parametersFile)["parameters"]!.AsObject();

        Assert.All(given.Select(p => p.Key), name => Assert.True(declared.ContainsKey(name), $"{parametersFile} sets {name}, which {templateFile} does not declare"));
        Assert.All(
            declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key),
            name => Assert.True(given.ContainsKey(name), $"{parametersFile} does not set the required {name}"));
        Assert.All(
            declared.Where(p => (string?)p.Value!["type"] is "securestring" or "secureObject").Select(p => p.Key),
            secret => Assert.False(given.ContainsKey(secret), $"{parametersFile} must not hold the secret {secret}; pass it on the command line"));
    }

    private static string ResolveVariable(JsonObject template, string expression)
    {
        var match = WholeVariable().Match(expression);
        return match.Success ? (string)template["variables"]![match.Groups[1].Value]! : expression;
    }

    private static IEnumerable<string> Expressions(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Expressions(p.Value)),
        JsonArray a => a.SelectMany(Expressions),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('[') && s.EndsWith(']') => [s],
        _ => [],
    };

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex WholeVariable();
}
