using Serilog;
using Serilog.Formatting.Json;

namespace TriageBot.Hosting;

/// <summary>
/// Serilog: the console always, a rolling JSON file when Logging:File:Path is set, levels from the Serilog section.
/// Log scopes (conversation id, activity type) become properties of every line written during a turn.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddTriageBotLogging(this WebApplicationBuilder builder)
    {
        var fileOptions = builder.Configuration.GetSection(FileLogOptions.SectionName).Get<FileLogOptions>() ?? new FileLogOptions();

        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}");

        if (!string.IsNullOrWhiteSpace(fileOptions.Path))
        {
            var path = Path.IsPathRooted(fileOptions.Path)
                ? fileOptions.Path
                : Path.Combine(builder.Environment.ContentRootPath, fileOptions.Path);
            configuration.WriteTo.File(
                new JsonFormatter(renderMessage: true),
                path,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: fileOptions.RetainedFileCountLimit,
                fileSizeLimitBytes: fileOptions.FileSizeLimitBytes,
                rollOnFileSizeLimit: true);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
