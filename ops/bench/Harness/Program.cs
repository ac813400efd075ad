// The benchmark harness of ops/bench.sh (issue 9). Not part of the product; one executable, four commands:
//
//   serve --urls <url> --conn <connection string as esregions_app>
//       a bare ASP.NET Core app with the raw baselines: the same data as the product's endpoints, read with raw
//       Npgsql (same role, same RLS setting) and serialised with System.Text.Json, without the product's pipeline.
//         GET /raw/{tenantId}/plans/{planId}                      plan tree (shape of GET /{slug}/api/v1/plans/{id})
//         GET /raw/comparison?indicator=X&from=YYYY&to=YYYY       comparison (shape of GET /api/v1/comparison)
//   smtp-sink --port <port> --out <file>
//       a minimal SMTP server that accepts everything and appends "<recipient> <Message-ID> <Unix seconds>" per
//       accepted message to <file> before it answers 250 (MailDev stores 10,000 messages too slowly to time the sweep
//       against it).
//   mail-raw --host <host> --port <port> --conn <connection string> --recipients <LIKE pattern> [--warmup <n>]
//       the raw mail baseline: the same messages the product has just sent (the outbox rows whose recipient matches,
//       read before the clock starts: subject, text, HTML and iCalendar), each built with MimeKit in the same shape
//       (text, HTML and calendar alternatives plus the .ics file) and sent over ONE MailKit connection to raw-<n>@
//       raw.bench.test; prints "seconds=<s> messages=<n>". With --warmup, n messages (the rows in turn, round again if
//       n is larger) are sent before, untimed, over a connection of their own, so that the timed loop runs warm as the
//       product's fan-outs do.
//   rls --app <conn as esregions_app> --super <conn as superuser> --tenant <id> --plan <id> [--rounds 30]
//       the same tenant queries with RLS (esregions_app, app.tenant_id set) and without (superuser bypasses RLS),
//       interleaved; prints "with_ms=<median> without_ms=<median>".
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MimeKit;
using Npgsql;

namespace EsRegions.Bench.Harness;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0) return Usage();
        var o = Args.Parse(args.Skip(1));
        switch (args[0])
        {
            case "serve": await RawApi.RunAsync(o.Req("urls"), o.Req("conn")); return 0;
            case "smtp-sink": await SmtpSink.RunAsync(int.Parse(o.Req("port"), CultureInfo.InvariantCulture), o.Req("out")); return 0;
            case "mail-raw": await RawMail.RunAsync(o.Req("host"), int.Parse(o.Req("port"), CultureInfo.InvariantCulture), o.Req("conn"), o.Req("recipients"),
                int.Parse(o.Get("warmup") ?? "0", CultureInfo.InvariantCulture)); return 0;
            case "rls": await RlsTimer.RunAsync(o.Req("app"), o.Req("super"), Guid.Parse(o.Req("tenant")), Guid.Parse(o.Req("plan")), int.Parse(o.Get("rounds") ?? "30", CultureInfo.InvariantCulture)); return 0;
            default: return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: harness serve|smtp-sink|mail-raw|rls [--option value]... (see the header of Program.cs)");
        return 2;
    }
}

internal sealed class Args
{
    private readonly Dictionary<string, string> _v = new();
    public static Args Parse(IEnumerable<string> args)
    {
        var a = new Args();
        var list = args.ToList();
        for (var i = 0; i + 1 < list.Count; i += 2) a._v[list[i].TrimStart('-')] = list[i + 1];
        return a;
    }
    public string? Get(string k) => _v.GetValueOrDefault(k);
    public string Req(string k) => Get(k) ?? throw new ArgumentException($"--{k} is required");
}

// ---------------------------------------------------------------------------------------------------------------
// Raw API: the upper bound of the same work on the same machine
// ---------------------------------------------------------------------------------------------------------------
public sealed record PlanDto(Guid Id, string Title, string Kind, string? Years, string Status, string? Resolution, IReadOnlyList<string> Levels, IReadOnlyList<NodeDto> Nodes);
public sealed record NodeDto(Guid Id, string Level, string Code, string Title, List<NodeDto>? Children, List<ActionDto>? Actions);
public sealed record ActionDto(Guid Id, string Code, string Name, string Description, string Product, List<IndicatorDto> Indicators,
    JsonElement Budget, JsonElement Timeframe, string[] Implementers);
public sealed record IndicatorDto(Guid Id, string Name, TargetDto Target, string? CatalogueCode);
public sealed record TargetDto(string Kind, decimal? Value, string? Unit, string Text);
public sealed record PointDto(string Period, decimal Value, decimal? Per100k);
public sealed record SeriesDto(string Region, string Name, List<PointDto> Values);
public sealed record ComparisonDto(string Indicator, string Name, string Unit, bool Per100k, List<SeriesDto> Series, List<string> PopulationSources);

internal static class RawApi
{
    public static async Task RunAsync(string urls, string conn)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        await using var data = NpgsqlDataSource.Create(conn);
        var app = builder.Build();
        // The product writes UTF-8 text unescaped (Polish letters as they are): the same here, so both send the same bytes.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        app.MapGet("/raw/{tenant:guid}/plans/{id:guid}", async (Guid tenant, Guid id, HttpContext http) =>
        {
            await using var db = await data.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(db)
            {
                BatchCommands =
                {
                    Cmd("SELECT set_config('app.tenant_id', @t, false)", ("t", tenant.ToString())),
                    Cmd("SELECT id, title, kind, year_from, year_to, status, resolution->>'Text' FROM plans WHERE tenant_id = @t AND id = @p", ("t", tenant), ("p", id)),
                    Cmd("SELECT id, parent_id, level, code, title FROM plan_nodes WHERE tenant_id = @t AND plan_id = @p ORDER BY position", ("t", tenant), ("p", id)),
                    Cmd("SELECT id, node_id, code, name, description, product, budget, timeframe, implementers FROM plan_actions WHERE tenant_id = @t AND plan_id = @p ORDER BY position", ("t", tenant), ("p", id)),
                    Cmd("SELECT i.id, i.action_id, i.name, i.target_kind, i.target_value, i.target_unit, i.target_text, i.catalogue_code FROM indicators i JOIN plan_actions a ON a.id = i.action_id WHERE i.tenant_id = @t AND a.plan_id = @p ORDER BY i.position", ("t", tenant), ("p", id)),
                },
            };
            await using var r = await batch.ExecuteReaderAsync();
            await r.NextResultAsync();
            if (!await r.ReadAsync()) { http.Response.StatusCode = 404; return; }
            var (pid, title, kind, from, to, status, resolution) = (r.GetGuid(0), r.GetString(1), r.GetString(2),
                r.IsDBNull(3) ? (int?)null : r.GetInt32(3), r.IsDBNull(4) ? (int?)null : r.GetInt32(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
            await r.NextResultAsync();
            var nodes = new List<(Guid? Parent, NodeDto Node)>();
            while (await r.ReadAsync())
                nodes.Add((r.IsDBNull(1) ? null : r.GetGuid(1), new NodeDto(r.GetGuid(0), r.GetString(2), r.GetString(3), r.GetString(4), null, null)));
            await r.NextResultAsync();
            var actions = new Dictionary<Guid, ActionDto>();
            var actionNode = new List<(Guid Node, ActionDto Action)>();
            while (await r.ReadAsync())
            {
                var a = new ActionDto(r.GetGuid(0), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), [],
                    r.IsDBNull(6) ? default : JsonDocument.Parse(r.GetString(6)).RootElement, JsonDocument.Parse(r.GetString(7)).RootElement, r.GetFieldValue<string[]>(8));
                actions[a.Id] = a;
                actionNode.Add((r.GetGuid(1), a));
            }
            await r.NextResultAsync();
            while (await r.ReadAsync())
                actions[r.GetGuid(1)].Indicators.Add(new IndicatorDto(r.GetGuid(0), r.GetString(2),
                    new TargetDto(JsonNamingPolicy.CamelCase.ConvertName(r.GetString(3)), r.IsDBNull(4) ? null : r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6)),
                    r.IsDBNull(7) ? null : r.GetString(7)));
            var byId = nodes.ToDictionary(n => n.Node.Id, n => n.Node);
            var children = nodes.Where(n => n.Parent is not null).ToLookup(n => n.Parent!.Value, n => n.Node.Id);
            var own = actionNode.ToLookup(a => a.Node, a => a.Action);
            NodeDto Build(Guid nid)
            {
                var n = byId[nid];
                var kids = children[nid].Select(Build).ToList();
                var acts = own[nid].ToList();
                return n with { Children = kids.Count > 0 ? kids : null, Actions = acts.Count > 0 ? acts : null };
            }
            var roots = nodes.Where(n => n.Parent is null).Select(n => Build(n.Node.Id)).ToList();
            var dto = new PlanDto(pid, title, JsonNamingPolicy.CamelCase.ConvertName(kind), from is null ? null : from == to ? $"{from}" : $"{from}–{to}",
                JsonNamingPolicy.CamelCase.ConvertName(status), resolution, [], roots);
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, dto, json);
        });

        app.MapGet("/raw/comparison", async (string indicator, int from, int to, HttpContext http) =>
        {
            await using var db = await data.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(db)
            {
                BatchCommands =
                {
                    Cmd("SELECT code, name, unit, per100k, aggregation FROM indicator_catalogue WHERE code = @c", ("c", indicator)),
                    Cmd("SELECT region_slug, year, sum(value), avg(value) FROM published_indicator_values WHERE catalogue_code = @c AND year BETWEEN @f AND @t GROUP BY region_slug, year ORDER BY region_slug, year",
                        ("c", indicator), ("f", from), ("t", to)),
                },
            };
            await using var r = await batch.ExecuteReaderAsync();
            if (!await r.ReadAsync()) { http.Response.StatusCode = 404; return; }
            var (code, name, unit, per100k, sum) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetString(4) == "Sum");
            await r.NextResultAsync();
            var series = new List<SeriesDto>();
            while (await r.ReadAsync())
            {
                var region = r.GetString(0);
                if (series.Count == 0 || series[^1].Region != region) series.Add(new SeriesDto(region, region, []));
                series[^1].Values.Add(new PointDto(r.GetInt32(1).ToString(CultureInfo.InvariantCulture), sum ? r.GetDecimal(2) : Math.Round(r.GetDecimal(3), 2), null));
            }
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, new ComparisonDto(code, name, unit, per100k, series, []), json);
        });

        await app.RunAsync();
    }

    private static NpgsqlBatchCommand Cmd(string sql, params (string Name, object Value)[] parameters)
    {
        var c = new NpgsqlBatchCommand(sql);
        foreach (var (n, v) in parameters) c.Parameters.AddWithValue(n, v);
        return c;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// SMTP sink: accepts every message, records recipient, Message-ID and the time
// ---------------------------------------------------------------------------------------------------------------
internal static class SmtpSink
{
    public static async Task RunAsync(int port, string outFile)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(512);
        await using var output = new StreamWriter(outFile, append: true, Encoding.ASCII) { AutoFlush = true };
        var gate = new SemaphoreSlim(1, 1);
        Console.Error.WriteLine($"smtp-sink: listening on 127.0.0.1:{port}, recording to {outFile}");
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            _ = Task.Run(async () =>
            {
                try { await ServeAsync(client, output, gate); }
                catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException) { }
                finally { client.Dispose(); }
            });
        }
    }

    private static async Task ServeAsync(TcpClient client, StreamWriter output, SemaphoreSlim gate)
    {
        client.NoDelay = true;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1, false, 65536);
        var writer = new StreamWriter(stream, Encoding.ASCII, 4096) { NewLine = "\r\n", AutoFlush = false };
        async Task Reply(string line) { await writer.WriteLineAsync(line); await writer.FlushAsync(); }
        await writer.WriteLineAsync("220 esregions-bench-sink ESMTP");
        await writer.FlushAsync();
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-esregions-bench-sink");
                    await writer.WriteLineAsync("250-PIPELINING");
                    await writer.WriteLineAsync("250-8BITMIME");
                    await Reply("250 SIZE 52428800");
                    break;
                case "HELO": await Reply("250 esregions-bench-sink"); break;
                case "MAIL": recipients.Clear(); await Reply("250 OK"); break;
                case "RCPT":
                    var at = line.IndexOf('<');
                    recipients.Add(at >= 0 ? line[(at + 1)..line.IndexOf('>', at)] : line[8..].Trim());
                    await Reply("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    await writer.FlushAsync();
                    string? messageId = null;
                    var headers = true;
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                        if (headers && data.Length == 0) headers = false;
                        else if (headers && messageId is null && data.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                            messageId = data[11..].Trim();
                    }
                    await gate.WaitAsync();
                    // The time of acceptance, so that the benchmark can take a fan-out's end from here instead of
                    // watching the file closely while the fan-out runs (which cost CPU on the product's side only).
                    var accepted = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
                    try { foreach (var r in recipients) await output.WriteLineAsync($"{r} {messageId ?? "-"} {accepted}"); }
                    finally { gate.Release(); }
                    recipients.Clear();
                    await Reply("250 OK queued");
                    break;
                case "RSET": recipients.Clear(); await Reply("250 OK"); break;
                case "NOOP": await Reply("250 OK"); break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); await writer.FlushAsync(); return;
                default: await Reply("502 Command not implemented"); break;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Raw mail: the product's messages, sent over one MailKit connection
// ---------------------------------------------------------------------------------------------------------------
internal static class RawMail
{
    private sealed record Row(string Subject, string? Name, string Text, string Html, string? Calendar);

    public static async Task RunAsync(string host, int port, string conn, string recipients, int warmup)
    {
        // The messages the product sent in the fan-out, read before the clock starts.
        var rows = new List<Row>();
        await using (var db = new NpgsqlConnection(conn))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "SELECT subject, to_name, text_body, html_body, calendar FROM outbox_messages WHERE to_address LIKE @r ORDER BY created_at, id", db);
            cmd.Parameters.AddWithValue("r", recipients);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                rows.Add(new Row(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        }
        if (rows.Count == 0) throw new InvalidOperationException($"no outbox rows for recipients like {recipients}");

        // The warm-up goes round the rows as often as it takes to send n messages (n may exceed the rows).
        if (warmup > 0) await SendAsync(host, port, Enumerable.Range(0, warmup).Select(i => rows[i % rows.Count]).ToList(), "raw-warm");
        var watch = Stopwatch.StartNew();
        await SendAsync(host, port, rows, "raw");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={watch.Elapsed.TotalSeconds:F3} messages={rows.Count}"));
    }

    private static async Task SendAsync(string host, int port, List<Row> rows, string prefix)
    {
        using var smtp = new SmtpClient();
        // Nagle off, as the product's sender does: otherwise a message with an attachment waits for the delayed ACK.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port);
        await smtp.ConnectAsync(socket, host, port, MailKit.Security.SecureSocketOptions.None);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var m = new MimeMessage { Subject = row.Subject, MessageId = $"{prefix}-{i + 1}@bench.test", Date = DateTimeOffset.UtcNow };
            m.From.Add(new MailboxAddress("ROPS (raw)", "rops@raw.bench.test"));
            m.To.Add(new MailboxAddress(row.Name ?? "", $"{prefix}-{i + 1}@raw.bench.test"));
            var alternative = new MultipartAlternative { new TextPart("plain") { Text = row.Text }, new TextPart("html") { Text = row.Html } };
            if (row.Calendar is null)
            {
                m.Body = alternative;
            }
            else
            {
                var calendar = new TextPart("calendar") { Text = row.Calendar };
                calendar.ContentType.Charset = "utf-8";
                calendar.ContentType.Parameters.Add("method", "REQUEST");
                alternative.Add(calendar);
                m.Body = new Multipart("mixed")
                {
                    alternative,
                    new MimePart("application", "ics")
                    {
                        Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(row.Calendar))),
                        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                        ContentTransferEncoding = ContentEncoding.Base64,
                        FileName = "zaproszenie.ics",
                    },
                };
            }
            await smtp.SendAsync(m);
        }
        await smtp.DisconnectAsync(true);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// RLS on/off: the same tenant queries as the app role (RLS applies) and as the superuser (RLS bypassed)
// ---------------------------------------------------------------------------------------------------------------
internal static class RlsTimer
{
    public static async Task RunAsync(string appConn, string superConn, Guid tenant, Guid plan, int rounds)
    {
        await using var withRls = new NpgsqlConnection(appConn);
        await using var without = new NpgsqlConnection(superConn);
        await withRls.OpenAsync();
        await without.OpenAsync();
        foreach (var c in new[] { withRls, without })
        {
            await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", c);
            set.Parameters.AddWithValue("t", tenant.ToString());
            await set.ExecuteScalarAsync();
        }
        // The work of a plan tree and a calendar month, with the tenant predicate the app's query filter adds.
        const string sql = """
            SELECT count(*), sum(length(a.name)), sum(i.target_value) FROM plan_actions a JOIN indicators i ON i.action_id = a.id
            WHERE a.tenant_id = @t AND i.tenant_id = @t AND a.plan_id = @p;
            SELECT count(*), sum(length(v.period)) FROM monitoring_indicator_values v WHERE v.tenant_id = @t;
            SELECT count(*) FROM meetings m WHERE m.tenant_id = @t AND m.date_to >= DATE '2026-03-01' AND m.date_from <= DATE '2026-03-31';
            SELECT count(*) FROM consultation_comments c WHERE c.tenant_id = @t;
            """;
        async Task<double> Time(NpgsqlConnection c)
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            cmd.Parameters.AddWithValue("t", tenant);
            cmd.Parameters.AddWithValue("p", plan);
            var w = Stopwatch.StartNew();
            await using var r = await cmd.ExecuteReaderAsync();
            do { while (await r.ReadAsync()) { } } while (await r.NextResultAsync());
            return w.Elapsed.TotalMilliseconds;
        }
        for (var i = 0; i < 3; i++) { await Time(withRls); await Time(without); } // warm-up: plans, caches
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            // Alternate the order so that drift on the shared machine hits both sides alike.
            if (i % 2 == 0) { a.Add(await Time(withRls)); b.Add(await Time(without)); }
            else { b.Add(await Time(without)); a.Add(await Time(withRls)); }
        }
        static double Median(List<double> x) { x.Sort(); return x.Count % 2 == 1 ? x[x.Count / 2] : (x[x.Count / 2 - 1] + x[x.Count / 2]) / 2; }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"with_ms={Median(a):F3} without_ms={Median(b):F3}"));
    }
}
