using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;

namespace TriageBot.Hosting;

/// <summary>
/// Serilog (through Serilog.AspNetCore): the console always, a rolling JSON file when Logging:File:Path is set, levels
/// from the Serilog section. Log scopes (conversation id, activity type) become properties of every line written during
/// a turn. Lines are written by a background thread (Serilog.Sinks.Async), so a turn never waits on the console or the
/// disk; a full buffer makes the logger wait rather than drop lines, and the logger is flushed when the host stops.
/// </summary>
public static class LoggingSetup
{
    /// <summary>Lines waiting to be written, per sink.</summary>
    private const int BufferSize = 10_000;

    public static WebApplicationBuilder AddTriageBotLogging(this WebApplicationBuilder builder)
    {
        // The file path is ours, not Serilog's configuration reader's: a relative path lives under the content root.
        var fileOptions = builder.Configuration.GetSection(FileLogOptions.SectionName).Get<FileLogOptions>() ?? new FileLogOptions();
        var contentRoot = builder.Environment.ContentRootPath;

        // Providers someone adds to the logger factory later (the end-to-end tests' capture) get every line too.
        var providers = new LoggerProviderCollection();
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            // ASP.NET Core's own request lines name the path and query string (a download link's token); the request
            // line of RequestLogging replaces them, whatever the configured levels.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With<RequestPathRemover>()
            .WriteTo.Async(
                sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"),
                BufferSize,
                blockWhenFull: true)
            .WriteTo.Providers(providers);

        if (!string.IsNullOrWhiteSpace(fileOptions.Path))
        {
            configuration.WriteTo.Async(
                sink => sink.File(
                    new JsonFormatter(renderMessage: true),
                    Path.IsPathRooted(fileOptions.Path) ? fileOptions.Path : Path.Combine(contentRoot, fileOptions.Path),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: fileOptions.RetainedFileCountLimit,
                    fileSizeLimitBytes: fileOptions.FileSizeLimitBytes,
                    rollOnFileSizeLimit: true),
                BufferSize,
                blockWhenFull: true);
        }

        // This host's own logger, not Serilog's static one: tests run several hosts in one process, and each host's
        // request lines must reach its own sinks (RequestLogging passes it to the middleware). Disposed, and so
        // flushed, with the host.
        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders(); // else ASP.NET Core's default console provider writes every line a second time
        builder.Services.AddSerilog(logger, dispose: true, providers);
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
        return builder;
    }
}
