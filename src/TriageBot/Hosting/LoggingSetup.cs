using Serilog;
using Serilog.Formatting.Json;

namespace TriageBot.Hosting;

/// <summary>
/// Serilog: the console always, a rolling JSON file when Logging:File:Path is set, levels from the Serilog section.
/// Log scopes (conversation id, activity type) become properties of every line written during a turn. Lines are
/// written by a background thread (Serilog.Sinks.Async), so a turn never waits on the console or the disk; a full
/// buffer makes the logger wait rather than drop lines, and disposing the logger at shutdown writes what is left.
/// </summary>
public static class LoggingSetup
{
    /// <summary>Lines waiting to be written, per sink.</summary>
    private const int BufferSize = 10_000;

    public static WebApplicationBuilder AddTriageBotLogging(this WebApplicationBuilder builder)
    {
        var fileOptions = builder.Configuration.GetSection(FileLogOptions.SectionName).Get<FileLogOptions>() ?? new FileLogOptions();

        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Async(
                sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"),
                BufferSize,
                blockWhenFull: true);

        if (!string.IsNullOrWhiteSpace(fileOptions.Path))
        {
            var path = Path.IsPathRooted(fileOptions.Path)
                ? fileOptions.Path
                : Path.Combine(builder.Environment.ContentRootPath, fileOptions.Path);
            configuration.WriteTo.Async(
                sink => sink.File(
                    new JsonFormatter(renderMessage: true),
                    path,
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: fileOptions.RetainedFileCountLimit,
                    fileSizeLimitBytes: fileOptions.FileSizeLimitBytes,
                    rollOnFileSizeLimit: true),
                BufferSize,
                blockWhenFull: true);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
