using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TriageBot.Tests.Deployment;

/// <summary>
/// deploymentTemplates/teams/manifest.json against Microsoft's own Teams app manifest schema for its version, as
/// bundled in the npm package @microsoft/app-manifest (run by Teams/ManifestSchema/validate.js with node; no
/// network). Placeholders are filled with sample values as package.sh fills them. Never skipped: when node or the
/// package is missing the test fails saying how to install it.
/// </summary>
public sealed class TeamsManifestSchemaTests
{
    private const string HowToInstall =
        "Run ./test.sh from the repository root: it runs `npm ci` in tests/TriageBot.Tests/Teams/ManifestSchema (the official Teams manifest schemas).";

    private static string ValidatorFolder => RepositoryRoot.PathTo("tests", "TriageBot.Tests", "Teams", "ManifestSchema");

    private static string ShippedManifest => RepositoryRoot.PathTo("deploymentTemplates", "teams", "manifest.json");

    [Fact]
    public async Task TheShippedManifest_IsValidAgainstTheOfficialSchema_AtTheNewestVersionItSupports()
    {
        var result = await ValidateAsync(ShippedManifest);

        Assert.Empty(result.Errors);
        Assert.Equal(result.NewestVersion, result.ManifestVersion);
    }

    [Theory]
    [InlineData("\"accentColor\": \"#1F5F8B\"", "\"accentColor\": \"blue\"", "/accentColor")]
    [InlineData("\"short\": \"TriageBot\",", "\"short\": \"TriageBot: the staff crisis protocol bot\",", "/name/short")]
    [InlineData("\"isNotificationOnly\": false,", "\"isNotificationOnly\": false, \"notAField\": true,", "/bots/0")]
    [InlineData("\"manifestVersion\": \"1.30\"", "\"manifestVersion\": \"1.99\"", "/manifestVersion")]
    public async Task ABrokenCopy_FailsNamingTheField(string find, string replace, string field)
    {
        var text = await File.ReadAllTextAsync(ShippedManifest);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var copy = Path.Combine(Directory.CreateTempSubdirectory("triagebot-manifest-").FullName, "manifest.json");
        await File.WriteAllTextAsync(copy, text.Replace(find, replace, StringComparison.Ordinal));

        var result = await ValidateAsync(copy);

        Assert.Contains(result.Errors, error => error.StartsWith(field, StringComparison.Ordinal));
    }

    private sealed record SchemaResult(string ManifestVersion, string NewestVersion, IReadOnlyList<string> Errors);

    private static async Task<SchemaResult> ValidateAsync(string manifest)
    {
        Assert.True(Directory.Exists(Path.Combine(ValidatorFolder, "node_modules", "@microsoft", "app-manifest")), $"The npm package @microsoft/app-manifest is not installed. {HowToInstall}");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ValidatorFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ValidatorFolder, "validate.js"));
        start.ArgumentList.Add(manifest);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"node is not on the PATH. {HowToInstall}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"validate.js failed: {await errors}");
            var json = JsonNode.Parse(await output)!;
            return new SchemaResult(
                json["manifestVersion"]!.GetValue<string>(),
                json["newestVersion"]!.GetValue<string>(),
                [.. json["errors"]!.AsArray().Select(e => e!.GetValue<string>())]);
        }
    }
}
