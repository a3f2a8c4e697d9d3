using TriageBot.Dialogs.Protocols.Loading;

namespace TriageBot.Dialogs.Tests.Protocols;

public sealed class RealContentTests
{
    [Fact]
    public void ProtocolsFolder_LoadsAndValidates_WithZeroErrors()
    {
        var result = ProtocolCatalogLoader.LoadFolder(RepositoryContent.ProtocolsFolder);

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Catalog);
        Assert.Equal("uk", result.Catalog.Region.Id);
    }

    [Theory]
    [InlineData("suicidal-thoughts")]
    [InlineData("self-harm")]
    [InlineData("abuse-neglect")]
    [InlineData("panic-anxiety")]
    [InlineData("violence-weapon")]
    [InlineData("missing-student")]
    [InlineData("substance-use")]
    [InlineData("severe-dysregulation")]
    [InlineData("online-harm")]
    [InlineData("staff-allegation")]
    public void EveryRequiredIncidentType_HasAProtocolWithSources(string id)
    {
        var protocol = RepositoryContent.Catalog.Protocol(id);

        Assert.NotNull(protocol);
        Assert.NotEmpty(protocol.Sources);
        Assert.NotEmpty(protocol.Triggers);
    }

    [Theory]
    [InlineData("asq")]
    [InlineData("injury")]
    [InlineData("missing-student")]
    [InlineData("weapon")]
    public void EveryRequiredChecklist_IsPresentWithScoring(string id)
    {
        var checklist = RepositoryContent.Catalog.Checklist(id);

        Assert.NotNull(checklist);
        Assert.NotEmpty(checklist.Results);
        Assert.NotEmpty(checklist.Sources);
    }

    [Fact]
    public void BothRegionPacks_AreLoaded_WithTheirEmergencyNumbers()
    {
        var regions = RepositoryContent.Catalog.Regions.ToDictionary(r => r.Id, r => r.EmergencyNumber);

        Assert.Equal("999", regions["uk"]);
        Assert.Equal("911", regions["us"]);
    }

    [Fact]
    public void EveryYamlFile_SaysWhatItIs_AndHowItIsChecked()
    {
        var files = Directory.EnumerateFiles(RepositoryContent.ProtocolsFolder, "*.yaml", SearchOption.AllDirectories).ToList();

        Assert.True(files.Count >= 18, $"only {files.Count} content files");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(text.StartsWith('#'), $"{file} has no header comment");
            Assert.Contains("dotnet run --project src/TriageBot -- validate", text, StringComparison.Ordinal);
            Assert.Contains("\nsources:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryProtocolWhereRelevant_HasAParentContactStepThatRecordsTheReasoning()
    {
        foreach (var protocol in RepositoryContent.Catalog.Protocols)
        {
            var step = protocol.Steps.SingleOrDefault(s => s.IsParentContact);
            if (step is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(protocol.ParentContactNotRelevant), protocol.Id);
                continue;
            }

            Assert.Contains("increase the risk", step.Text, StringComparison.Ordinal);
            Assert.All(step.Answers, a => Assert.True(a.AskReason, $"{protocol.Id}/{step.Id}/{a.Id}"));
        }
    }

    [Fact]
    public void StaffAllegations_GoToTheHeadTeacherOrGovernors_AndToTheDutyLeadOnlyWhenNotAboutThem()
    {
        var protocol = RepositoryContent.Catalog.Protocol("staff-allegation")!;

        var toTheLead = Assert.Single(protocol.Referrals, r => r.ServiceId == "duty-lead");
        Assert.Equal("someone_else", toTheLead.Answers["who"]);
        Assert.Contains(protocol.Referrals, r => r.ServiceId == "head-teacher");
        Assert.Contains(protocol.Referrals, r => r.ServiceId == "lado");
    }
}
