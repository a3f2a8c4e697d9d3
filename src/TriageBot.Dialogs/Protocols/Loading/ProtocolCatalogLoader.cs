namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Loads the school's content and checks it. Every error is returned, each with file and line; a catalog is built
/// only when there are none, so the bot never serves content that failed a check.
/// </summary>
public static class ProtocolCatalogLoader
{
    /// <summary>Loads content given as (path, text) pairs; paths are used as written in error messages.</summary>
    public static ProtocolLoadResult Load(IEnumerable<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);

        var errors = new ContentErrors();
        var content = new ParsedContent();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            ContentFileReader.Read(file, content, errors);
        }

        var catalog = ContentValidator.Validate(content, errors);
        var sorted = errors.Sorted();
        return new ProtocolLoadResult(sorted.Count == 0 ? catalog : null, sorted) { Unverified = errors.Unverified };
    }

    /// <summary>
    /// Loads every *.yaml and *.yml file under <paramref name="folder"/>, naming files by their path relative to it.
    /// The only place in TriageBot.Dialogs that reads files.
    /// </summary>
    public static ProtocolLoadResult LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            return new ProtocolLoadResult(null, [new ContentError(folder, 0, 0, "the protocols folder does not exist")]);
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(path => new ContentFile(Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
        return Load(files);
    }
}
