using System.Collections.Concurrent;

namespace TriageBot.Cards.Templating;

/// <summary>
/// The card templates of one folder (<c>cards/</c>): <c>name.json</c> files, each with a <c>name.data.json</c> sample
/// for the Adaptive Cards Designer that is not a template itself. A template is read and parsed on first use and then
/// kept; <see cref="LoadAll"/> reads them all, so a broken template can stop the start instead of a card.
/// </summary>
public sealed class CardTemplateLibrary
{
    public const string SampleDataSuffix = ".data.json";

    private readonly ConcurrentDictionary<string, Lazy<CardTemplate>> _templates = new(StringComparer.Ordinal);

    public CardTemplateLibrary(string folder)
    {
        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"The card template folder {Folder} does not exist.");
        }
    }

    public string Folder { get; }

    /// <summary>The template names in the folder (file names without <c>.json</c>), sorted.</summary>
    public IReadOnlyList<string> Names => Directory.EnumerateFiles(Folder, "*.json")
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(file => !file.EndsWith(SampleDataSuffix, StringComparison.OrdinalIgnoreCase))
        .Select(file => file[..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The template <c>name.json</c> (<paramref name="name"/> with or without <c>.json</c>).</summary>
    public CardTemplate Get(string name)
    {
        var key = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^".json".Length] : name;
        if (key.Length == 0 || key.IndexOfAny(['/', '\\']) >= 0 || key.StartsWith('.') || key.EndsWith(".data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{name}' is not a card template name (a file name in {Folder}, without folders).", nameof(name));
        }

        // Lazy: two threads asking for the same new template parse it once; a failure is not cached, so a fixed file loads.
        var lazy = _templates.GetOrAdd(key, k => new Lazy<CardTemplate>(() => Read(k)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _templates.TryRemove(new KeyValuePair<string, Lazy<CardTemplate>>(key, lazy));
            throw;
        }
    }

    public IReadOnlyList<CardTemplate> LoadAll() => Names.Select(Get).ToList();

    private CardTemplate Read(string key)
    {
        var path = Path.Combine(Folder, key + ".json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no card template {key}.json in {Folder}.", path);
        }

        return CardTemplate.Load(path);
    }
}
