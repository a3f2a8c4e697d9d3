using TriageBot.Dialogs.Protocols.Model;
using YamlDotNet.RepresentationModel;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Reads one YAML mapping field by field, recording an error with file and line for every missing, mistyped or
/// unknown field instead of stopping at the first, so the lead sees everything that is wrong in one run.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(string file, YamlMappingNode node, string what, ContentErrors errors)
    {
        File = file;
        _node = node;
        What = what;
        Errors = errors;
    }

    public string File { get; }

    public string What { get; }

    public ContentErrors Errors { get; }

    public ContentLocation Location => LocationOf(_node);

    public ContentLocation LocationOf(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Where a field's value is written, or the mapping itself when the field is absent.</summary>
    public ContentLocation LocationOf(string key) => Value(key) is { } node ? LocationOf(node) : Location;

    public bool Has(string key) => Value(key) is not null;

    public string? String(string key, bool required = true)
    {
        var node = Take(key);
        if (node is null)
        {
            if (required)
            {
                Errors.Add(Location, $"{What} has no '{key}'");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Errors.Add(LocationOf(node), $"'{key}' in {What} must be a single value");
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Errors.Add(LocationOf(node), $"'{key}' in {What} is empty");
            }

            return null;
        }

        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        var text = String(key, required: false);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Errors.Add(LocationOf(key), $"'{key}' in {What} must be true or false, not '{text}'");
        return fallback;
    }

    public TEnum? Enum<TEnum>(string key, bool required = true)
        where TEnum : struct, Enum
    {
        var text = String(key, required);
        return text is null ? null : ParseEnum<TEnum>(text, LocationOf(key), key);
    }

    public TEnum? ParseEnum<TEnum>(string text, ContentLocation location, string key)
        where TEnum : struct, Enum
    {
        if (SnakeCase.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Errors.Add(location, $"'{key}' in {What} is '{text}'; expected one of: {SnakeCase.Names<TEnum>()}");
        return null;
    }

    /// <summary>A list of single values; a single value is accepted as a list of one.</summary>
    public IReadOnlyList<(string Value, ContentLocation Location)> Strings(string key, bool required = false)
    {
        var node = Take(key);
        switch (node)
        {
            case null:
                if (required)
                {
                    Errors.Add(Location, $"{What} has no '{key}'");
                }

                return [];
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return [(scalar.Value.Trim(), LocationOf(scalar))];
            case YamlSequenceNode sequence:
                var list = new List<(string, ContentLocation)>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        list.Add((text.Trim(), LocationOf(item)));
                    }
                    else
                    {
                        Errors.Add(LocationOf(item), $"every item of '{key}' in {What} must be a single, non-empty value");
                    }
                }

                if (required && list.Count == 0)
                {
                    Errors.Add(LocationOf(node), $"'{key}' in {What} is empty");
                }

                return list;
            default:
                Errors.Add(LocationOf(node), $"'{key}' in {What} must be a list of values");
                return [];
        }
    }

    public YamlFields? Map(string key, string what, bool required = true)
    {
        var node = Take(key);
        if (node is null)
        {
            if (required)
            {
                Errors.Add(Location, $"{What} has no '{key}'");
            }

            return null;
        }

        if (node is YamlMappingNode map)
        {
            return new YamlFields(File, map, what, Errors);
        }

        Errors.Add(LocationOf(node), $"'{key}' in {What} must be a set of 'name: value' fields");
        return null;
    }

    /// <summary>A list of mappings; each item gets its own reader named by <paramref name="what"/>.</summary>
    public IReadOnlyList<YamlFields> MapList(string key, string what, bool required = true)
    {
        var node = Take(key);
        if (node is null)
        {
            if (required)
            {
                Errors.Add(Location, $"{What} has no '{key}'");
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Errors.Add(LocationOf(node), $"'{key}' in {What} must be a list (items start with '- ')");
            return [];
        }

        var items = new List<YamlFields>();
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode map)
            {
                items.Add(new YamlFields(File, map, what, Errors));
            }
            else
            {
                Errors.Add(LocationOf(item), $"every item of '{key}' in {What} must be a set of 'name: value' fields");
            }
        }

        if (required && items.Count == 0)
        {
            Errors.Add(LocationOf(node), $"'{key}' in {What} is empty");
        }

        return items;
    }

    /// <summary>A mapping's own keys and values as text, in the order written (for id: value tables).</summary>
    public IReadOnlyList<(string Key, string? Value, ContentLocation Location)> Pairs(string key, bool required = false)
    {
        var node = Take(key);
        if (node is null)
        {
            if (required)
            {
                Errors.Add(Location, $"{What} has no '{key}'");
            }

            return [];
        }

        if (node is not YamlMappingNode map)
        {
            Errors.Add(LocationOf(node), $"'{key}' in {What} must be a set of 'name: value' fields");
            return [];
        }

        var pairs = new List<(string, string?, ContentLocation)>();
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (v is YamlScalarNode scalar)
            {
                pairs.Add((name, string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim(), LocationOf(k)));
            }
            else
            {
                Errors.Add(LocationOf(v), $"'{name}' under '{key}' in {What} must be a single value");
            }
        }

        return pairs;
    }

    /// <summary>Reports fields nobody read: usually a misspelt name that would otherwise be silently ignored.</summary>
    public void RejectUnknownFields()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!_read.Contains(name))
            {
                Errors.Add(LocationOf(key), $"unknown field '{name}' in {What}");
            }
        }
    }

    private YamlNode? Value(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private YamlNode? Take(string key)
    {
        _read.Add(key);
        var value = Value(key);

        // "key:" with nothing after it is a null scalar: treat it as absent.
        return value is YamlScalarNode { Value: null or "" } && value.Tag.IsEmpty ? null : value;
    }
}
