using TriageBot.Cards.Templating;

namespace TriageBot.Tests.Cards;

/// <summary>The folder of templates: names, caching, and which files count.</summary>
public sealed class CardTemplateLibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("triagebot-cards-").FullName;

    public CardTemplateLibraryTests()
    {
        File.WriteAllText(Path.Combine(_folder, "status.json"), """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${text}" } ] }""");
        File.WriteAllText(Path.Combine(_folder, "status.data.json"), """{ "text": "sample" }""");
        File.WriteAllText(Path.Combine(_folder, "notes.md"), "not a template");
    }

    [Fact]
    public void Names_AreTheTemplates_WithoutSampleData()
    {
        Assert.Equal(["status"], new CardTemplateLibrary(_folder).Names);
    }

    [Fact]
    public void Get_LoadsOnce_AndAcceptsTheFileName()
    {
        var library = new CardTemplateLibrary(_folder);

        var template = library.Get("status");

        Assert.Equal("status.json", template.Name);
        Assert.Same(template, library.Get("status.json"));
        Assert.Equal("sample", template.Bind(System.Text.Json.Nodes.JsonNode.Parse("""{ "text": "sample" }""")).Card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Get_AnUnknownTemplate_SaysWhichFileIsMissing()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new CardTemplateLibrary(_folder).Get("escalation"));

        Assert.Contains("escalation.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../status")]
    [InlineData("status.data")]
    [InlineData("")]
    public void Get_ANameThatIsNotATemplate_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => new CardTemplateLibrary(_folder).Get(name));
    }

    [Fact]
    public void Get_ABrokenTemplate_FailsEachTime_AndLoadsOnceFixed()
    {
        var library = new CardTemplateLibrary(_folder);
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, """{ "text": "${oops(}" }""");

        Assert.Throws<TemplateException>(() => library.Get("broken"));
        var error = Assert.Throws<TemplateException>(() => library.LoadAll());
        Assert.Equal("broken.json", error.TemplateName);

        File.WriteAllText(path, """{ "text": "${fixed}" }""");
        Assert.Equal("broken.json", library.Get("broken").Name);
    }

    [Fact]
    public void Constructor_AMissingFolder_IsRefused()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new CardTemplateLibrary(Path.Combine(_folder, "nope")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
