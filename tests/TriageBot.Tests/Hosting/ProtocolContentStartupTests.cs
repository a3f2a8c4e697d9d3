using System.Diagnostics;
using TriageBot.Dialogs.Protocols;
using TriageBot.Hosting;
using TriageBot.Tests.Deployment;
using TriageBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace TriageBot.Tests.Hosting;

/// <summary>The bot serves only content that passed every check: invalid content stops the start and says where.</summary>
public sealed class ProtocolContentStartupTests
{
    [Fact]
    public async Task TheShippedContent_IsServed_FromTheCopyNextToTheApp()
    {
        await using var host = await TestBotHost.StartAsync();

        var catalog = host.Services.GetRequiredService<ProtocolCatalog>();

        Assert.Equal(10, catalog.Protocols.Count);
        Assert.Equal("999", catalog.Region.EmergencyNumber);
    }

    [Fact]
    public async Task ABrokenProtocolFile_StopsTheStart_NamingFileAndLine()
    {
        var folder = BrokenCopy();

        var refused = await Assert.ThrowsAsync<InvalidProtocolContentException>(() =>
            TestBotHost.StartDirectlyAsync(new Dictionary<string, string?> { ["Protocols:Folder"] = folder }));

        Assert.Contains(refused.Errors, error => System.Text.RegularExpressions.Regex.IsMatch(error, @"incidents/suicidal-thoughts\.yaml:\d+: .*asq-typo"));
    }

    [Fact]
    public async Task AMissingFolder_StopsTheStart_NamingTheSetting()
    {
        var refused = await Assert.ThrowsAsync<InvalidProtocolContentException>(() =>
            TestBotHost.StartDirectlyAsync(new Dictionary<string, string?> { ["Protocols:Folder"] = "/no/such/protocols" }));

        Assert.Contains("Protocols:Folder", Assert.Single(refused.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProcess_ExitsWithCode1_AndPrintsTheMistakes_WhenTheContentIsBroken()
    {
        var folder = BrokenCopy();
        var app = Path.Combine(AppContext.BaseDirectory, "TriageBot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { app, "--urls=http://127.0.0.1:0", $"--Protocols:Folder={folder}", $"--contentRoot={Path.GetDirectoryName(folder)}" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("the bot will not serve it", await stderr, StringComparison.Ordinal);
        Assert.Matches(@"incidents/suicidal-thoughts\.yaml:\d+: .*asq-typo", await stderr);
    }

    private static string BrokenCopy()
    {
        var source = RepositoryRoot.PathTo("protocols");
        var copy = Directory.CreateTempSubdirectory("triagebot-content-").FullName;
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var broken = Path.Combine(copy, "incidents", "suicidal-thoughts.yaml");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("checklist: asq", "checklist: asq-typo", StringComparison.Ordinal));
        return copy;
    }
}
