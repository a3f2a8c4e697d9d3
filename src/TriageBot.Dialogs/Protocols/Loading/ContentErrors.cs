using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Collects every error found while loading and validating, in file and line order when read, and the facts marked unverified.</summary>
internal sealed class ContentErrors
{
    private readonly List<ContentError> _errors = [];
    private readonly List<UnverifiedFact> _unverified = [];

    public int Count => _errors.Count;

    public void Add(ContentLocation location, string message) =>
        _errors.Add(new ContentError(location.File, location.Line, location.Column, message));

    public void Add(string file, int line, int column, string message) => _errors.Add(new ContentError(file, line, column, message));

    /// <summary>A fact marked unverified in a file: not an error, listed by validate (see <see cref="UnverifiedFact"/>).</summary>
    public void AddUnverified(ContentLocation location, string fact) => _unverified.Add(new UnverifiedFact(location.File, location.Line, fact));

    public IReadOnlyList<UnverifiedFact> Unverified =>
        _unverified.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();

    public IReadOnlyList<ContentError> Sorted() =>
        _errors
            .Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToList();
}
