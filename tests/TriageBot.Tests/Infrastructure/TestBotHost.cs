using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace TriageBot.Tests.Infrastructure;

/// <summary>
/// The real TriageBot host, as Program.cs builds it, run in memory by WebApplicationFactory with its own SQLite file and
/// JSON log file in a temporary folder. Tests talk to it over HTTP, exactly as a channel does; the bot's own calls
/// (connector, OpenID) go over loopback to the peers the tests start.
/// </summary>
internal sealed class TestBotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private TestBotHost(WebApplicationFactory<Program> factory, string folder)
    {
        _factory = factory;
        Folder = folder;
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Client.Timeout = TimeSpan.FromSeconds(30);
    }

    public HttpClient Client { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "data", "triagebot.db");

    public IServiceProvider Services => _factory.Services;

    public static Task<TestBotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? overrideServices = null,
        string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("triagebot-test-").FullName;
        var arguments = new Dictionary<string, string?>
        {
            ["ConnectionStrings:TriageBot"] = "Data Source=data/triagebot.db",
            ["Logging:File:Path"] = "logs/triagebot-.json",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            arguments[key] = value;
        }

        var root = folder;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing").UseContentRoot(root);
            foreach (var (key, value) in arguments)
            {
                host.UseSetting(key, value);
            }

            if (overrideServices is not null)
            {
                host.ConfigureTestServices(overrideServices);
            }
        });
        // Creating the client starts the host, and its hosted services with it.
        return Task.FromResult(new TestBotHost(factory, folder));
    }

    /// <summary>
    /// Builds and starts the host as Program.cs does, for tests of a start that must fail (the exception it stops with;
    /// through WebApplicationFactory they would only see that Program.cs exited). Stops it again if it started.
    /// </summary>
    public static async Task StartDirectlyAsync(IDictionary<string, string?> settings)
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-test-").FullName;
        var arguments = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Testing",
            ["contentRoot"] = folder,
        };
        foreach (var (key, value) in settings)
        {
            arguments[key] = value;
        }

        await using var app = TriageBot.Hosting.TriageBotApplication.Build([.. arguments.Select(pair => $"--{pair.Key}={pair.Value}")]);
        await app.StartAsync();
        await app.StopAsync();
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

    /// <summary>Stops the host; its log sinks are flushed as it goes.</summary>
    public async Task StopAsync() => await _factory.DisposeAsync();

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
