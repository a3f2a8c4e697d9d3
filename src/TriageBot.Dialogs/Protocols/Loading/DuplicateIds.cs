using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Reports every id used twice, at the second (and later) place it is written, naming the first.</summary>
internal static class DuplicateIds
{
    public static void Check<T>(IEnumerable<T> items, Func<T, string> id, Func<T, ContentLocation> location, string what, ContentErrors errors)
    {
        var first = new Dictionary<string, ContentLocation>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (first.TryGetValue(key, out var earlier))
            {
                errors.Add(location(item), $"duplicate {what} id '{key}' (first defined at {earlier.File}:{earlier.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
            }
            else
            {
                first[key] = location(item);
            }
        }
    }
}
