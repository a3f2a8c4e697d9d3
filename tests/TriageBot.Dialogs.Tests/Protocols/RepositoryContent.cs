using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Loading;

namespace TriageBot.Dialogs.Tests.Protocols;

/// <summary>The real protocols/ folder of the repository, and throw-away copies of it to break on purpose.</summary>
internal static class RepositoryContent
{
    private static readonly Lazy<ProtocolCatalog> Loaded = new(() =>
    {
        var result = ProtocolCatalogLoader.LoadFolder(ProtocolsFolder);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    });

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ProtocolsFolder => Path.Combine(RepositoryRoot, "protocols");

    /// <summary>The real content, loaded once (it is immutable).</summary>
    public static ProtocolCatalog Catalog => Loaded.Value;

    /// <summary>A copy of protocols/ in a new temporary folder; delete it with <see cref="Directory.Delete(string, bool)"/>.</summary>
    public static string CopyToTemp()
    {
        var target = Path.Combine(Path.GetTempPath(), "triagebot-protocols-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(ProtocolsFolder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ProtocolsFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriageBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TriageBot.sln not found above " + AppContext.BaseDirectory);
    }
}
