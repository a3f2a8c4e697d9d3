namespace TriageBot.Tests.Deployment;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries that holds TriageBot.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Folder => Root.Value;

    public static string PathTo(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TriageBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TriageBot.sln in {AppContext.BaseDirectory} or any folder above it.");
    }
}
