using TriageBot.Tests.Deployment;

namespace TriageBot.Tests.Transcripts;

/// <summary>The .transcript files, read from the checkout (an edit shows in the next test run without a build).</summary>
internal static class TranscriptFiles
{
    public static string Folder => RepositoryRoot.PathTo("tests", "TriageBot.Tests", "Transcripts");

    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.transcript").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static Transcript Read(string name) => TranscriptParser.Parse(Path.Combine(Folder, name));
}
