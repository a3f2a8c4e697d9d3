namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// Finds the repository (the folder holding TriageBot.sln) from the test binaries, and the things ./test.sh installs
/// there for these tests: the npm clients under tests/TriageBot.EndToEnd.Tests/clients and Debian's Chromium.
/// Missing prerequisites fail the test with a message saying what to run; they are never skipped.
/// </summary>
public static class RepositoryRoot
{
    public const string SolutionFileName = "TriageBot.sln";
    public const string ChromiumPath = "/usr/bin/chromium";
    private const string HowToInstall = "Run ./test.sh from the repository root: it installs Chromium (apt) and the test clients (npm ci).";

    /// <summary>The repository root: the nearest folder above the test binaries that holds TriageBot.sln.</summary>
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    /// <summary>tests/TriageBot.EndToEnd.Tests/clients: package.json and package-lock.json of the npm clients.</summary>
    public static string ClientsDirectory => System.IO.Path.Combine(Path, "tests", "TriageBot.EndToEnd.Tests", "clients");

    /// <summary>The Agents Playground's cli.js, or a failure telling the reader to run ./test.sh.</summary>
    public static string RequirePlaygroundCli()
    {
        var nodeModules = System.IO.Path.Combine(ClientsDirectory, "node_modules");
        var cli = System.IO.Path.Combine(nodeModules, "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"The Microsoft 365 Agents Playground is not installed: {cli} does not exist. {HowToInstall}");
        }

        return cli;
    }

    /// <summary>Debian's Chromium, or a failure telling the reader to run ./test.sh (browsers are never downloaded).</summary>
    public static string RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed: {ChromiumPath} does not exist. {HowToInstall}");
        }

        return ChromiumPath;
    }

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} found in {start} or any folder above it.");
    }
}
