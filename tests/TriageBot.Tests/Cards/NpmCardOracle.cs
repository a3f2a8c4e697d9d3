using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Tests.Deployment;

namespace TriageBot.Tests.Cards;

/// <summary>One template and data for the npm packages; <see cref="Validate"/> also parses the result as a 1.5 card.</summary>
internal sealed record OracleCase(string Name, JsonNode Template, JsonNode? Data, bool Validate);

/// <summary>What the npm packages made of a case: the expanded JSON or the error, and every parse or validation event.</summary>
internal sealed record OracleResult(
    string Name,
    JsonNode? Expanded,
    string? Error,
    IReadOnlyList<OracleEvent> Events,
    IReadOnlyList<string> UnknownProperties,
    IReadOnlyList<string> TemplatingWarnings);

internal sealed record OracleEvent(string Phase, string Event, string Message)
{
    public override string ToString() => $"{Phase} {Event}: {Message}";
}

/// <summary>
/// Runs tests/TriageBot.Tests/Cards/Oracle/oracle.js with node: adaptivecards-templating expands each case and
/// adaptivecards parses and validates the result at schema 1.5. One node process per batch of cases. When node or the
/// pinned packages are missing the tests fail, saying how to install them: a card test is never skipped.
/// </summary>
internal static class NpmCardOracle
{
    public const string HowToInstall =
        "Run ./test.sh from the repository root: it installs node if needed and runs `npm ci` in tests/TriageBot.Tests/Cards/Oracle " +
        "(the official adaptivecards and adaptivecards-templating packages these tests compare with).";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Folder => RepositoryRoot.PathTo("tests", "TriageBot.Tests", "Cards", "Oracle");

    public static IReadOnlyDictionary<string, OracleResult> Run(IReadOnlyList<OracleCase> cases)
    {
        CheckInstalled();
        var input = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["template"] = c.Template.DeepClone(),
            ["data"] = c.Data?.DeepClone(),
            ["validate"] = c.Validate,
        }).ToArray());

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "oracle.js"));

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
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("oracle.js did not finish within 90 seconds.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"oracle.js exited with {process.ExitCode}: {errors.Result}\n{HowToInstall}");
            }

            var answer = JsonNode.Parse(output.Result)!.AsObject();
            var results = answer["results"].Deserialize<List<OracleResult>>(Json)!;
            return results.ToDictionary(r => r.Name, StringComparer.Ordinal);
        }
    }

    // The exact versions package.json pins must be the ones installed, or the comparison would be with something else.
    private static void CheckInstalled()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")))!;
        foreach (var (package, pinned) in manifest["dependencies"]!.AsObject())
        {
            var installed = Path.Combine(Folder, "node_modules", package, "package.json");
            if (!File.Exists(installed))
            {
                throw new InvalidOperationException($"The npm package {package} is not installed in {Folder}. {HowToInstall}");
            }

            var version = JsonNode.Parse(File.ReadAllText(installed))!["version"]!.GetValue<string>();
            if (version != pinned!.GetValue<string>())
            {
                throw new InvalidOperationException($"{package} {version} is installed, package.json pins {pinned}. {HowToInstall}");
            }
        }
    }
}
