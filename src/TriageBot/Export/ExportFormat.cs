namespace TriageBot.Export;

/// <summary>The forms an export takes: CSV (one event a row) or JSON (incidents, each with its events).</summary>
public enum ExportFormat
{
    Csv,
    Json,
}

public static class ExportFormats
{
    /// <summary>Reads "csv" or "json" (any case); null otherwise.</summary>
    public static ExportFormat? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "json" => ExportFormat.Json,
        _ => null,
    };

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "json";
}
