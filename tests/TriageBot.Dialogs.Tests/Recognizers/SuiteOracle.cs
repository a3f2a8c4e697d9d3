using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>
/// Runs Oracle/recognize.js with node over the corpus: @microsoft/recognizers-text-suite, at the version package.json
/// pins. When node or the package is missing the tests fail, saying how to install them: they are never skipped.
/// </summary>
internal static class SuiteOracle
{
    public const string HowToInstall =
        "Run ./test.sh from the repository root: it installs node if needed and runs `npm ci` in " +
        "tests/TriageBot.Dialogs.Tests/Recognizers/Oracle (the official @microsoft/recognizers-text-suite these tests compare with).";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Folder => Path.GetFullPath(Path.Combine(RecognizerCorpus.Folder, "..", "Oracle"));

    public static SuiteOutput Run(string corpusPath)
    {
        CheckInstalled();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "recognize.js"));
        start.ArgumentList.Add(corpusPath);
        start.Environment["TZ"] = "UTC";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"node did not start. {HowToInstall}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"node is not on the PATH. {HowToInstall}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("recognize.js did not finish within 90 seconds.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"recognize.js exited with {process.ExitCode}: {errors.Result}\n{HowToInstall}");
            }

            return JsonSerializer.Deserialize<SuiteOutput>(output.Result, Json)
                ?? throw new InvalidOperationException("recognize.js printed no results.");
        }
    }

    // The version package.json pins must be the one installed, or the comparison would be with something else.
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
