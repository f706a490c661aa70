using System.Diagnostics;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Bench.Outbox;

/// <summary>
/// <c>--probe N</c>: where a dispatched message's time goes, one piece at a time, against the same kind of
/// SMTP server and database the benchmark uses. Each probe does N of one thing and reports ms per item.
/// </summary>
internal static class Probes
{
    private static readonly BoardInfo Board = new(Guid.NewGuid(), "norfolk", "Norfolk Safeguarding Children Partnership", "NSCP",
        null, "nscp@norfolk.example", null, null, "Norfolk", "NSCP", null);

    public static async Task<int> RunAsync(int n, string dataPath, SmtpServer smtp, Func<int, OutgoingMail> mail)
    {
        var settings = new BoardMailSettings
        {
            Transport = MailTransportKind.Smtp, Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None,
            FromAddress = "learning@norfolk.example",
        };

        OutboxMessage Row(int i)
        {
            var m = mail(i);
            return new OutboxMessage
            {
                DedupeKey = $"probe:{i}", Category = "probe", ToAddress = m.ToAddress, ToName = m.ToName,
                Subject = m.Subject, TextBody = m.TextBody, HtmlBody = m.HtmlBody,
            };
        }

        Console.WriteLine($"probes: {n} items each; SMTP server aiosmtpd on 127.0.0.1:{smtp.Port}");

        var endpoint = new SmtpEndpoint("127.0.0.1", smtp.Port, SmtpSecurity.None, null, TimeSpan.FromSeconds(30));

        // Warm up JIT and the server.
        await using (var warm = new SmtpMailTransport(endpoint))
        {
            await warm.SendAsync(MailTransports.Compose(Row(-1), Board, settings, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        await Time("compose only (MailTransports.Compose + MailMessageBuilder.Build, written out)", n, i =>
        {
            MailMessageBuilder.Build(MailTransports.Compose(Row(i), Board, settings, DateTimeOffset.UtcNow)).WriteTo(Stream.Null);
            return Task.CompletedTask;
        });

        await Time("SMTP, app transport, a new session per message", n, async i =>
        {
            await using var transport = new SmtpMailTransport(endpoint);
            await transport.SendAsync(MailTransports.Compose(Row(i), Board, settings, DateTimeOffset.UtcNow), CancellationToken.None);
        });

        await using (var transport = new SmtpMailTransport(endpoint))
        {
            await Time("SMTP, app transport, one session for every message", n, async i =>
                await transport.SendAsync(MailTransports.Compose(Row(i), Board, settings, DateTimeOffset.UtcNow), CancellationToken.None));
        }

        // Before: System.Net.Mail's SmtpClient, which the app used until it was measured here.
        using (var client = new SmtpClient("127.0.0.1", smtp.Port) { DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = 30_000 })
        {
            await Time("SMTP, System.Net.Mail SmtpClient reused for every message", n, async i =>
            {
                var row = Row(i);
                using var m = new MailMessage("learning@norfolk.example", row.ToAddress, row.Subject, row.TextBody);
                await client.SendMailAsync(m, CancellationToken.None);
            });
        }

        // The same dialogue by hand over a socket, one connection per message, to see the effect of Nagle's
        // algorithm (System.Net.Mail does not set TCP_NODELAY) against the server's delayed ACKs.
        var body = Encoding.ASCII.GetBytes(RawMessage(mail(0)));
        await Time("raw SMTP socket, NoDelay=false, body in 2 writes", n, _ => RawSendAsync(smtp.Port, body, noDelay: false));
        await Time("raw SMTP socket, NoDelay=true,  body in 2 writes", n, _ => RawSendAsync(smtp.Port, body, noDelay: true));
        await Time("raw SMTP socket, NoDelay=false, body and final dot in 1 write", n, _ => RawSendAsync(smtp.Port, body, noDelay: false, oneWrite: true));

        // The database side of a dispatched message: mark one row sent and save it (as OutboxProcessor does).
        await using var site = new BenchSite(dataPath, new Dictionary<string, string?> { ["Notifications:DispatcherEnabled"] = "false" });
        await site.WithBoardAsync("norfolk", async services =>
        {
            var queue = services.GetRequiredService<MailQueue>();
            for (var i = 0; i < n; i++)
            {
                await queue.EnqueueAsync($"probe:{i}", "probe", mail(i));
            }

            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });
        await site.WithBoardAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var rows = await db.Set<OutboxMessage>().Where(m => m.Category == "probe").Take(n).ToListAsync();
            await Time("SQLite as the app sets it (WAL, synchronous=NORMAL): mark one row + SaveChanges", rows.Count, async i =>
            {
                rows[i].Status = OutboxStatus.Sent;
                rows[i].SentUtc = DateTime.UtcNow;
                await db.SaveChangesAsync();
            });
            return 0;
        });
        await site.WithBoardAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var rows = await db.Set<OutboxMessage>().Where(m => m.Category == "probe").ToListAsync();
            await Time("SQLite: mark 50 rows + one SaveChanges (time per row)", rows.Count, async i =>
            {
                rows[i].Status = OutboxStatus.Cancelled;
                if (i % 50 == 49 || i == rows.Count - 1)
                {
                    await db.SaveChangesAsync();
                }
            });

            // Before: SQLite's own defaults, which the app used until it was measured here.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;");
            await Time("SQLite defaults (rollback journal, synchronous=FULL): one row + SaveChanges", rows.Count, async i =>
            {
                rows[i].Status = OutboxStatus.Pending;
                await db.SaveChangesAsync();
            });
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
            return 0;
        });
        await site.WithBoardAsync("norfolk", async services =>
        {
            var queue = services.GetRequiredService<MailQueue>();
            await Time("MailQueue.EnqueueAsync (dedupe query + Add), no save", n, i => queue.EnqueueAsync($"probe2:{i}", "probe", mail(i)));
            return 0;
        });
        return 0;
    }

    private static async Task Time(string what, int n, Func<int, Task> action)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            await action(i);
        }

        var elapsed = watch.Elapsed;
        Console.WriteLine($"  {what,-66} {elapsed.TotalMilliseconds / n,8:F2} ms each  ({n / elapsed.TotalSeconds,7:F0}/s)");
    }

    private static string RawMessage(OutgoingMail mail) =>
        $"From: learning@norfolk.example\r\nTo: {mail.ToAddress}\r\nSubject: {mail.Subject}\r\nMessage-ID: <{Guid.NewGuid():N}@probe>\r\n" +
        $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{mail.TextBody.Replace("\n", "\r\n", StringComparison.Ordinal)}\r\n{mail.HtmlBody.Replace("\n", "\r\n", StringComparison.Ordinal)}\r\n";

    private static async Task RawSendAsync(int port, byte[] body, bool noDelay, bool oneWrite = false)
    {
        using var client = new TcpClient { NoDelay = noDelay };
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);

        async Task Expect(string code)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length >= 4 && line[3] == ' ')
                {
                    if (!line.StartsWith(code, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"expected {code}, got {line}");
                    }

                    return;
                }
            }

            throw new InvalidOperationException("connection closed");
        }

        async Task Send(string command, string code)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            await Expect(code);
        }

        await Expect("220");
        await Send("EHLO probe", "250");
        await Send("MAIL FROM:<learning@norfolk.example>", "250");
        await Send("RCPT TO:<someone@bench.example>", "250");
        await Send("DATA", "354");
        if (oneWrite)
        {
            await stream.WriteAsync(body.Concat(".\r\n"u8.ToArray()).ToArray());
            await Expect("250");
        }
        else
        {
            await stream.WriteAsync(body);
            await Send(".", "250");
        }

        await Send("QUIT", "221");
    }
}
