using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LearningHub.Notifications.Domain;

namespace LearningHub.Notifications.Smtp;

/// <summary>Where and how to reach an SMTP server.</summary>
/// <param name="TrustedCertificate">
/// A certificate (a private CA's, or a server's self-signed one) trusted as a root for this server,
/// besides the system's roots; the host name must still match.
/// </param>
public sealed record SmtpEndpoint(
    string Host,
    int Port,
    SmtpSecurity Security,
    NetworkCredential? Credentials,
    TimeSpan Timeout,
    X509Certificate2? TrustedCertificate = null);

/// <summary>An SMTP server said no, or said something this client does not understand.</summary>
public sealed class SmtpException(string message, int replyCode = 0, bool rejectsMessage = false) : IOException(message)
{
    /// <summary>The server's three-digit reply code, or 0 when it never answered.</summary>
    public int ReplyCode { get; } = replyCode;

    /// <summary>
    /// The server refused this message for good (a 5xx to its recipient or its content), so sending it
    /// again cannot help. A 5xx to the sender or to authentication is a set-up problem that an
    /// administrator can fix, so it is not this.
    /// </summary>
    public bool RejectsMessage { get; } = rejectsMessage;
}

/// <summary>
/// One SMTP session (RFC 5321) that sends any number of messages: EHLO, STARTTLS or TLS from the first
/// byte (RFC 8314), AUTH PLAIN or LOGIN, then MAIL/RCPT/DATA per message with dot-stuffing.
/// <para>
/// Written because System.Net.Mail's <c>SmtpClient</c> stalls about 40 ms on every message: it leaves
/// Nagle's algorithm on and writes the end-of-data "." separately, which then waits for the server's
/// delayed ACK (bench/README.md has the measurements). Here the socket has <c>NoDelay</c> and each
/// message goes out in one write, so a send costs a round trip per command, not a timer.
/// </para>
/// </summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly TimeSpan _timeout;
    private readonly byte[] _buffer = new byte[4096];
    private Stream _stream;
    private int _bufferStart;
    private int _bufferEnd;
    private HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);
    private string[] _authMechanisms = [];

    private SmtpConnection(Socket socket, Stream stream, TimeSpan timeout)
    {
        _socket = socket;
        _stream = stream;
        _timeout = timeout;
    }

    /// <summary>False once a command failed in a way that leaves the session's state unknown.</summary>
    public bool IsUsable { get; private set; } = true;

    public bool IsEncrypted => _stream is SslStream;

    public static async Task<SmtpConnection> OpenAsync(SmtpEndpoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        SmtpConnection? connection = null;
        try
        {
            using (var connectTimeout = Timeout(cancellationToken, endpoint.Timeout))
            {
                await socket.ConnectAsync(endpoint.Host, endpoint.Port, connectTimeout.Token);
            }

            connection = new SmtpConnection(socket, new NetworkStream(socket, ownsSocket: false), endpoint.Timeout);
            if (endpoint.Security == SmtpSecurity.SslOnConnect)
            {
                await connection.UpgradeToTlsAsync(endpoint, cancellationToken);
            }

            await connection.ExpectAsync(220, "greeting", cancellationToken);
            await connection.HelloAsync(cancellationToken);

            if (endpoint.Security == SmtpSecurity.StartTls)
            {
                if (!connection._extensions.Contains("STARTTLS"))
                {
                    // Never fall back to plain text when encryption was asked for.
                    throw new SmtpException($"{endpoint.Host} does not offer STARTTLS; choose another connection security or server.");
                }

                await connection.CommandAsync("STARTTLS", 220, cancellationToken);
                await connection.UpgradeToTlsAsync(endpoint, cancellationToken);
                await connection.HelloAsync(cancellationToken);
            }

            if (endpoint.Credentials is { } credentials)
            {
                await connection.AuthenticateAsync(endpoint.Host, credentials, cancellationToken);
            }

            return connection;
        }
        catch (Exception ex)
        {
            if (connection is not null)
            {
                await connection.CloseAsync();
            }
            else
            {
                socket.Dispose();
            }

            if (ex is SmtpException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            if (ex is SocketException or IOException or AuthenticationException or OperationCanceledException)
            {
                throw new SmtpException($"Could not open an SMTP session with {endpoint.Host}:{endpoint.Port}: {Describe(ex)}");
            }

            throw;
        }
    }

    /// <summary>Sends one message (RFC 5322 bytes, CRLF line ends) to one recipient.</summary>
    public async Task SendAsync(string from, string to, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (!IsUsable)
        {
            throw new InvalidOperationException("This SMTP session can no longer be used.");
        }

        string sender, recipient;
        try
        {
            sender = MimeWriter.RequireAddress(from);
            recipient = MimeWriter.RequireAddress(to);
        }
        catch (FormatException ex)
        {
            throw new SmtpException(ex.Message, rejectsMessage: true);
        }

        try
        {
            await TransactionCommandAsync($"MAIL FROM:<{sender}>", 250, rejectsMessage: false, cancellationToken);
            await TransactionCommandAsync($"RCPT TO:<{recipient}>", 250, rejectsMessage: true, cancellationToken, alsoAccept: 251);
            await TransactionCommandAsync("DATA", 354, rejectsMessage: false, cancellationToken);
            using (var timeout = Timeout(cancellationToken, _timeout))
            {
                await _stream.WriteAsync(DotStuffed(message), timeout.Token);
            }

            await TransactionReplyAsync(250, "the message", rejectsMessage: true, cancellationToken);
        }
        catch (SmtpException ex) when (ex.ReplyCode > 0)
        {
            // The server answered: the transaction was reset and the session goes on (unless RSET failed).
            throw;
        }
        catch (Exception ex)
        {
            // A lost connection or a timeout mid-transaction: nobody knows what the server holds.
            IsUsable = false;
            if (ex is SmtpException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            if (ex is IOException or SocketException or OperationCanceledException)
            {
                throw new SmtpException($"The SMTP session broke off: {Describe(ex)}");
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsUsable)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await WriteLineAsync("QUIT", timeout.Token);
                await ReadReplyAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or SmtpException)
            {
                // Saying goodbye is a courtesy; the messages are already accepted.
            }
        }

        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        IsUsable = false;
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var name = LocalName();
        await WriteLineAsync($"EHLO {name}", cancellationToken);
        var (code, lines) = await ReadReplyAsync(cancellationToken);
        if (code != 250)
        {
            // A server without ESMTP: no extensions, so no STARTTLS or AUTH either.
            await CommandAsync($"HELO {name}", 250, cancellationToken);
            _extensions = new(StringComparer.OrdinalIgnoreCase);
            _authMechanisms = [];
            return;
        }

        _extensions = new(lines.Skip(1).Select(l => l.Split(' ', 2)[0]), StringComparer.OrdinalIgnoreCase);
        _authMechanisms = lines.Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase))
            .SelectMany(words => words.Skip(1))
            .ToArray();
    }

    private async Task AuthenticateAsync(string host, NetworkCredential credentials, CancellationToken cancellationToken)
    {
        if (!IsEncrypted)
        {
            throw new SmtpException($"Not sending the password to {host} over an unencrypted connection: choose STARTTLS or TLS.");
        }

        static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        if (_authMechanisms.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            await CommandAsync($"AUTH PLAIN {Base64($"\0{credentials.UserName}\0{credentials.Password}")}", 235, cancellationToken, redact: true);
        }
        else if (_authMechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
        {
            await CommandAsync("AUTH LOGIN", 334, cancellationToken);
            await CommandAsync(Base64(credentials.UserName), 334, cancellationToken, redact: true);
            await CommandAsync(Base64(credentials.Password), 235, cancellationToken, redact: true);
        }
        else
        {
            throw new SmtpException($"{host} offers no sign-in this client knows (PLAIN or LOGIN); it offers: {(_authMechanisms.Length == 0 ? "none" : string.Join(", ", _authMechanisms))}.");
        }
    }

    private async Task UpgradeToTlsAsync(SmtpEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (_bufferEnd > _bufferStart)
        {
            // Bytes that arrived before the handshake would be a plaintext injection (CVE-2011-0411 style).
            throw new SmtpException($"{endpoint.Host} sent data before the TLS handshake; refusing to continue.");
        }

        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions { TargetHost = endpoint.Host };
        if (endpoint.TrustedCertificate is { } trusted)
        {
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(trusted, certificate, errors);
        }

        using var timeout = Timeout(cancellationToken, _timeout);
        await ssl.AuthenticateAsClientAsync(options, timeout.Token);
        _stream = ssl;
    }

    /// <summary>The system's verdict, or else a chain to the configured root; the name must match either way.</summary>
    private static bool TrustedBy(X509Certificate2 trusted, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }

    private async Task TransactionCommandAsync(string command, int expected, bool rejectsMessage, CancellationToken cancellationToken, int alsoAccept = 0)
    {
        await WriteLineAsync(command, cancellationToken);
        await TransactionReplyAsync(expected, command.Split(':')[0], rejectsMessage, cancellationToken, alsoAccept);
    }

    /// <summary>Inside a mail transaction a refusal ends the transaction; RSET keeps the session for the next message.</summary>
    private async Task TransactionReplyAsync(int expected, string what, bool rejectsMessage, CancellationToken cancellationToken, int alsoAccept = 0)
    {
        var (code, lines) = await ReadReplyAsync(cancellationToken);
        if (code == expected || (alsoAccept != 0 && code == alsoAccept))
        {
            return;
        }

        try
        {
            await CommandAsync("RSET", 250, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            IsUsable = false;
        }

        throw new SmtpException($"The server refused {what}: {code} {string.Join(" ", lines)}", code, rejectsMessage && code is >= 500 and < 600);
    }

    private async Task CommandAsync(string command, int expected, CancellationToken cancellationToken, bool redact = false)
    {
        await WriteLineAsync(command, cancellationToken);
        await ExpectAsync(expected, redact ? command.Split(' ')[0] + " (credentials hidden)" : command, cancellationToken);
    }

    private async Task ExpectAsync(int expected, string what, CancellationToken cancellationToken)
    {
        var (code, lines) = await ReadReplyAsync(cancellationToken);
        if (code != expected)
        {
            throw new SmtpException($"The server answered {what} with {code} {string.Join(" ", lines)}", code);
        }
    }

    private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        using var timeout = Timeout(cancellationToken, _timeout);
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), timeout.Token);
    }

    /// <summary>One reply: its code and the text of each line ("250-PIPELINING" ... "250 HELP").</summary>
    private async Task<(int Code, List<string> Lines)> ReadReplyAsync(CancellationToken cancellationToken)
    {
        using var timeout = Timeout(cancellationToken, _timeout);
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(timeout.Token);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || (line.Length > 3 && line[3] is not ('-' or ' ')))
            {
                throw new SmtpException($"The server sent something that is not an SMTP reply: '{Truncate(line)}'");
            }

            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return (code, lines);
            }

            if (lines.Count > 100)
            {
                throw new SmtpException("The server's reply went on for more than 100 lines.");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            for (var i = _bufferStart; i < _bufferEnd; i++)
            {
                if (_buffer[i] == '\n')
                {
                    line.Append(Encoding.ASCII.GetString(_buffer, _bufferStart, i - _bufferStart));
                    _bufferStart = i + 1;
                    return line.ToString().TrimEnd('\r');
                }
            }

            line.Append(Encoding.ASCII.GetString(_buffer, _bufferStart, _bufferEnd - _bufferStart));
            if (line.Length > 4096)
            {
                throw new SmtpException("The server sent a reply line longer than 4096 characters.");
            }

            _bufferStart = 0;
            _bufferEnd = await _stream.ReadAsync(_buffer, cancellationToken);
            if (_bufferEnd == 0)
            {
                throw new IOException("The server closed the connection.");
            }
        }
    }

    /// <summary>
    /// The message as DATA carries it (RFC 5321 4.5.2): a "." starting a line doubled, a final CRLF
    /// ensured, and the end-of-data "." in the same buffer, so the whole message is one write.
    /// </summary>
    internal static byte[] DotStuffed(ReadOnlyMemory<byte> message)
    {
        var source = message.Span;
        var output = new List<byte>(source.Length + 64);
        var lineStart = true;
        foreach (var b in source)
        {
            if (lineStart && b == '.')
            {
                output.Add((byte)'.');
            }

            output.Add(b);
            lineStart = b == '\n';
        }

        if (source.Length < 2 || source[^2] != '\r' || source[^1] != '\n')
        {
            output.Add((byte)'\r');
            output.Add((byte)'\n');
        }

        output.AddRange(".\r\n"u8);
        return output.ToArray();
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken, TimeSpan timeout)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    private static string LocalName()
    {
        try
        {
            var name = Dns.GetHostName();
            return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') && name.Length > 0 ? name : "[127.0.0.1]";
        }
        catch (SocketException)
        {
            return "[127.0.0.1]";
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => "no answer in time",
        _ => ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})",
    };

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
