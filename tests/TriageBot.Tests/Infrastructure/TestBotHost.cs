using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Hosting;

namespace TriageBot.Tests.Infrastructure;

/// <summary>
/// The real TriageBot host on Kestrel at 127.0.0.1 (port chosen by the OS) with its own SQLite file and JSON log file
/// in a temporary folder. Tests talk to it over HTTP, exactly as a channel does.
/// </summary>
internal sealed class TestBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestBotHost(WebApplication app, string folder, Uri baseAddress)
    {
        _app = app;
        Folder = folder;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "data", "triagebot.db");

    public IServiceProvider Services => _app.Services;

    public static async Task<TestBotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? overrideServices = null,
        string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("triagebot-test-").FullName;
        var arguments = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Testing",
            ["contentRoot"] = folder,
            ["ConnectionStrings:TriageBot"] = "Data Source=data/triagebot.db",
            ["Logging:File:Path"] = "logs/triagebot-.json",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            arguments[key] = value;
        }

        var args = arguments.Select(pair => $"--{pair.Key}={pair.Value}").ToArray();
        var app = TriageBotApplication.Build(args, overrideServices);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestBotHost(app, folder, new Uri(address));
    }

    public async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table};");
    }

    public async Task<string?> ReadStateJsonAsync(string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT state_json FROM conversation_state WHERE conversation_id = @conversationId;", new { conversationId });
    }

    /// <summary>Everything the host logged to its JSON file so far (the file sink flushes on stop; call after <see cref="StopAsync"/>).</summary>
    public string ReadLogFiles() =>
        string.Join('\n', Directory.Exists(Path.Combine(Folder, "logs"))
            ? Directory.GetFiles(Path.Combine(Folder, "logs")).Select(ReadShared)
            : []);

    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by the test.
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
