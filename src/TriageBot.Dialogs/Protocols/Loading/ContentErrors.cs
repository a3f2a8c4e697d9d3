using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Collects every error found while loading and validating, in file and line order when read.</summary>
internal sealed class ContentErrors
{
    private readonly List<ContentError> _errors = [];

    public int Count => _errors.Count;

    public void Add(ContentLocation location, string message) =>
        _errors.Add(new ContentError(location.File, location.Line, location.Column, message));

    public void Add(string file, int line, int column, string message) => _errors.Add(new ContentError(file, line, column, message));

    public IReadOnlyList<ContentError> Sorted() =>
        _errors
            .Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToList();
}
