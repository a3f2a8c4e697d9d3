namespace TriageBot.Hosting;

/// <summary>The optional rolling JSON log file. Bound from Logging:File; no Path, no file.</summary>
public sealed class FileLogOptions
{
    public const string SectionName = "Logging:File";

    /// <summary>File path, e.g. logs/triagebot-.json (the date is inserted before the extension).</summary>
    public string? Path { get; set; }

    public int RetainedFileCountLimit { get; set; } = 31;

    public long FileSizeLimitBytes { get; set; } = 100L * 1024 * 1024;
}
