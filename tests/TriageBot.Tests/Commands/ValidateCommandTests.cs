using TriageBot.Commands;
using TriageBot.Tests.Deployment;

namespace TriageBot.Tests.Commands;

/// <summary>`validate [folder]`: what a safeguarding lead runs after editing the content.</summary>
public sealed class ValidateCommandTests
{
    private static string ProtocolsFolder => RepositoryRoot.PathTo("protocols");

    [Fact]
    public void TheShippedContent_IsValid_AndUnsetLocalNumbersAreWarnedAbout()
    {
        using var output = new StringWriter();

        var exitCode = ValidateCommand.Run(ProtocolsFolder, output);

        Assert.Equal(0, exitCode);
        Assert.Contains("Valid: 10 protocols", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("school.yaml:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFactMarkedUnverified_IsListedAsAWarning_WithItsFileAndLine()
    {
        using var output = new StringWriter();

        ValidateCommand.Run(ProtocolsFolder, output);

        var marked = Directory.GetFiles(ProtocolsFolder, "*.yaml", SearchOption.AllDirectories)
            .SelectMany(file => UnverifiedLines(file).Select(line => $"{Path.GetRelativePath(ProtocolsFolder, file).Replace('\\', '/')}:{line}: warning: unverified: "))
            .ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, prefix => Assert.Contains(prefix, output.ToString(), StringComparison.Ordinal));
        Assert.Contains($"{marked.Count} facts still marked unverified", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The line numbers of the items under a file's top-level "unverified:" list.</summary>
    private static IEnumerable<int> UnverifiedLines(string file)
    {
        var lines = File.ReadAllLines(file);
        var inList = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] == "unverified:")
            {
                inList = true;
            }
            else if (inList && lines[i].StartsWith("  - ", StringComparison.Ordinal))
            {
                yield return i + 1;
            }
            else if (inList && !lines[i].StartsWith(' '))
            {
                inList = false;
            }
        }
    }

    [Fact]
    public void ABrokenCopy_FailsWithFileAndLine()
    {
        var copy = Directory.CreateTempSubdirectory("triagebot-content-").FullName;
        foreach (var file in Directory.GetFiles(ProtocolsFolder, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(ProtocolsFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var broken = Path.Combine(copy, "incidents", "suicidal-thoughts.yaml");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("checklist: asq", "checklist: asq-typo", StringComparison.Ordinal));
        using var output = new StringWriter();

        var exitCode = ValidateCommand.Run(copy, output);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"incidents/suicidal-thoughts\.yaml:\d+: .*asq-typo", output.ToString());
        Assert.Contains("will not serve this content", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFolder_SaysWhereItLooked()
    {
        using var output = new StringWriter();

        Assert.Equal(2, ValidateCommand.Run(Path.Combine(Path.GetTempPath(), "no-such-protocols"), output));
        Assert.Contains("No content folder", output.ToString(), StringComparison.Ordinal);
    }
}
