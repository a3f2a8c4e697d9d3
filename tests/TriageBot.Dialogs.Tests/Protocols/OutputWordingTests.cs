using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Tests.Protocols;

/// <summary>
/// The UK pack never shows a risk label (NICE NG225), and no region's output promises to keep what a student said
/// secret. Checks every text the bot can show: instructions, questions, answers, level names, summaries, referrals.
/// </summary>
public sealed class OutputWordingTests
{
    private static readonly string[] RiskLabels = ["low risk", "medium risk", "high risk", "moderate risk", "low-risk", "medium-risk", "high-risk", "moderate-risk"];

    private static readonly string[] ConfidentialityPromises =
    [
        "keep it secret", "keep this secret", "keep your secret", "won't tell", "will not tell anyone", "promise not to tell",
        "stays between us", "between you and me", "is confidential", "kept confidential", "keep it confidential",
        "keep this confidential", "in confidence",
    ];

    [Fact]
    public void UkPack_EveryOutput_HasNoRiskLabel()
    {
        var uk = RepositoryContent.Catalog.ForRegion("uk");
        var texts = uk.OutputTexts().Concat(ResponseLevels.All.Select(uk.LevelSummary)).ToList();

        Assert.True(texts.Count > 300, $"only {texts.Count} texts checked");
        foreach (var text in texts)
        {
            foreach (var label in RiskLabels)
            {
                Assert.False(text.Contains(label, StringComparison.OrdinalIgnoreCase), $"risk label \"{label}\" in: {text}");
            }
        }
    }

    [Fact]
    public void UkPack_ShowsTheResponseLevel_NotTheTier()
    {
        var uk = RepositoryContent.Catalog.ForRegion("uk");

        Assert.Equal("Urgent, same-day assessment", uk.LevelName(ResponseLevel.UrgentSameDay));
        Assert.DoesNotContain("tier", uk.LevelName(ResponseLevel.EmergencyNow), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UsPack_MayShowTheTier()
    {
        var us = RepositoryContent.Catalog.ForRegion("us");

        Assert.Equal("Targeted support (tier: targeted)", us.LevelName(ResponseLevel.TargetedSupport));
        Assert.EndsWith("(tier: intensive)", us.LevelName(ResponseLevel.EmergencyNow), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uk")]
    [InlineData("us")]
    public void NoOutput_PromisesConfidentiality(string region)
    {
        var catalog = RepositoryContent.Catalog.ForRegion(region);

        foreach (var text in catalog.OutputTexts())
        {
            foreach (var promise in ConfidentialityPromises)
            {
                Assert.False(text.Contains(promise, StringComparison.OrdinalIgnoreCase), $"\"{promise}\" in: {text}");
            }
        }

        Assert.Contains("Do not promise secrecy", catalog.ConfidentialityReminder, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uk", "999")]
    [InlineData("us", "911")]
    public void EveryPlaceholder_IsFilled_InEveryRegion(string region, string emergency)
    {
        var catalog = RepositoryContent.Catalog.ForRegion(region);

        Assert.All(catalog.OutputTexts(), text => Assert.DoesNotContain("{", text, StringComparison.Ordinal));
        Assert.Contains(emergency, catalog.EmergencyInstruction, StringComparison.Ordinal);
    }

    [Fact]
    public void UkHelplines_AreTheNationalNumbers()
    {
        var lines = RepositoryContent.Catalog.ForRegion("uk").Text("{lines}");

        Assert.Contains("111", lines, StringComparison.Ordinal);
        Assert.Contains("116 123", lines, StringComparison.Ordinal);
        Assert.Contains("0800 1111", lines, StringComparison.Ordinal);
        Assert.Contains("85258", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void UsHelplines_AreTheNationalNumbers()
    {
        var lines = RepositoryContent.Catalog.ForRegion("us").Text("{lines}");

        Assert.Contains("988", lines, StringComparison.Ordinal);
        Assert.Contains("text HOME to 741741", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsetLocalNumbers_AreMarkedAsSetByTheSchool()
    {
        var catalog = RepositoryContent.Catalog;

        Assert.NotEmpty(catalog.UnsetContacts);
        Assert.Contains("not yet set by your school", catalog.Text("{contact:mash}"), StringComparison.Ordinal);
        Assert.Equal("Police non-emergency number: 101", catalog.Text("{contact:police_non_emergency}"));
    }
}
