using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TriageBot.Tests.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL server of the test's own: a new cluster in a temporary folder, listening on a free loopback port with
/// trust authentication, deleted on dispose. Uses Debian's packages (/usr/lib/postgresql/N/bin; test.sh installs them
/// when missing). initdb refuses to run as root, so as root every server command runs as the postgres user. Tests can
/// stop it and start it again on the same data, as an outage or a failover would.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    /// <summary>For Npgsql: the superuser on the cluster's own database; no pooling, so a stopped server is seen at once.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false;Timeout=5";

    public bool IsRunning { get; private set; }

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("triagebot-postgres-").FullName;
        var server = new ThrowawayPostgres(bin, folder, FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false, cancellationToken);
        }

        // A throwaway cluster: no fsync (nothing here must survive the machine), UTF-8, trust on loopback only.
        await server.ServerCommandAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], cancellationToken);
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the stopped server again on the same data and port; returns once it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var options = $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        await ServerCommandAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken);
        IsRunning = true;
    }

    /// <summary>Stops the server at once (open connections are cut, as when a database server fails).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await ServerCommandAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"], cancellationToken);
        IsRunning = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            await StopAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private Task ServerCommandAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(_bin, program), arguments, asPostgres: Environment.UserName == "root", cancellationToken);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", program } } : new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}{await errors}");
        }
    }

    /// <summary>The newest installed PostgreSQL's programs; a clear failure naming what to install when there is none.</summary>
    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Where(dir => File.Exists(Path.Combine(dir, "bin", "initdb")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return newest is null
            ? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb): run ./test.sh, which installs Debian's postgresql package, or apt-get install postgresql")
            : Path.Combine(newest, "bin");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
