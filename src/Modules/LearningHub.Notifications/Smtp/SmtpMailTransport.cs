using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MailKitAuthenticationException = MailKit.Security.AuthenticationException;
using MimeMailbox = MimeKit.MailboxAddress;

namespace LearningHub.Notifications.Smtp;

/// <summary>
/// Sends over one MailKit SMTP session, opened at the first message and reused for the rest of the
/// dispatcher pass. After a failure that leaves the session's state unknown (a lost connection, a
/// timeout mid-command), the next message opens a new one.
/// <para>
/// MailKit's own <c>ConnectAsync(host, port)</c> leaves Nagle's algorithm on, which meets the server's
/// delayed ACK and stalls about 40 ms a message (22 messages/s measured); connecting a socket of our own
/// with <c>NoDelay</c> and handing it to MailKit removes the stall (bench/README.md).
/// </para>
/// </summary>
public sealed class SmtpMailTransport(SmtpEndpoint endpoint) : Services.IMailTransport
{
    private SmtpClient? _client;

    public async Task SendAsync(ComposedMail mail, CancellationToken cancellationToken)
    {
        var message = MailMessageBuilder.Build(mail);
        // The envelope is exactly the one sender and recipient, whatever the headers say.
        var sender = MailMessageBuilder.Mailbox(mail.From);
        MimeMailbox[] recipients = [MailMessageBuilder.Mailbox(mail.To)];

        if (_client is { IsConnected: false })
        {
            await DropClientAsync();
        }

        _client ??= await OpenAsync(endpoint, signIn: true, cancellationToken);
        try
        {
            using var timeout = Timeout(cancellationToken, endpoint.Timeout);
            await _client.SendAsync(MailMessageBuilder.WireFormat, message, sender, recipients, timeout.Token);
        }
        catch (SmtpCommandException ex)
        {
            // The server answered: MailKit has reset the transaction and the session goes on.
            var code = (int)ex.StatusCode;
            var (what, permanent) = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => ("the recipient", true),
                SmtpErrorCode.MessageNotAccepted => ("the message", true),
                SmtpErrorCode.SenderNotAccepted => ("the sender", false),
                _ => ("the message", false),
            };
            throw new SmtpException($"The server refused {what}: {code} {ex.Message}", code, permanent && code is >= 500 and < 600);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A lost connection, a timeout or a garbled reply mid-transaction: nobody knows what the server holds.
            await DropClientAsync();
            if (ex is IOException or SocketException or OperationCanceledException or SmtpProtocolException or ServiceNotConnectedException)
            {
                throw new SmtpException($"The SMTP session broke off: {Describe(ex)}");
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync() => await DropClientAsync(sayGoodbye: true);

    /// <summary>
    /// Connects, says hello and secures the session as the endpoint asks, without signing in: whether
    /// the server is there and its certificate is trusted (the readiness check).
    /// </summary>
    public static async Task ProbeAsync(SmtpEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var client = await OpenAsync(endpoint, signIn: false, cancellationToken);
        await QuitAsync(client);
    }

    private static async Task<SmtpClient> OpenAsync(SmtpEndpoint endpoint, bool signIn, CancellationToken cancellationToken)
    {
        var client = new SmtpClient
        {
            Timeout = (int)Math.Min(int.MaxValue, endpoint.Timeout.TotalMilliseconds),
            // As before with SslStream's defaults: a relay inside a council network often cannot reach
            // the CRL servers, and a failed lookup would stop all mail.
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = (_, certificate, _, errors) => Trusted(endpoint.TrustedCertificate, certificate, errors),
        };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var timeout = Timeout(cancellationToken, endpoint.Timeout))
            {
                await socket.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
                // MailKit owns the socket from here and closes it on disconnect.
                await client.ConnectAsync(socket, endpoint.Host, endpoint.Port, SocketOptions(endpoint.Security), timeout.Token);
            }

            if (signIn && endpoint.SignIn is { } credentials)
            {
                await SignInAsync(client, endpoint, credentials, cancellationToken);
            }

            return client;
        }
        catch (Exception ex)
        {
            if (!client.IsConnected)
            {
                socket.Dispose();
            }

            client.Dispose();
            if (ex is SmtpException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            if (ex is NotSupportedException && endpoint.Security == SmtpSecurity.StartTls)
            {
                // MailKit refuses to go on in plain text when STARTTLS was asked for and is not offered.
                throw new SmtpException($"{endpoint.Host} does not offer STARTTLS; choose another connection security or server.");
            }

            if (ex is SmtpCommandException command)
            {
                throw new SmtpException($"The server {endpoint.Host}:{endpoint.Port} answered {(int)command.StatusCode} {command.Message}", (int)command.StatusCode);
            }

            if (ex is SocketException or IOException or SslHandshakeException or SmtpProtocolException or OperationCanceledException
                or System.Security.Authentication.AuthenticationException)
            {
                throw new SmtpException($"Could not open an SMTP session with {endpoint.Host}:{endpoint.Port}: {Describe(ex)}");
            }

            throw;
        }
    }

    /// <summary>
    /// Never on an unencrypted connection: a password or a bearer token on the wire in clear is as good
    /// as given away.
    /// </summary>
    private static async Task SignInAsync(SmtpClient client, SmtpEndpoint endpoint, SmtpSignIn signIn, CancellationToken cancellationToken)
    {
        if (!client.IsSecure)
        {
            throw new SmtpException($"Not sending the password to {endpoint.Host} over an unencrypted connection: choose STARTTLS or TLS.");
        }

        if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            throw new SmtpException($"{endpoint.Host} offers no sign-in (no AUTH after EHLO), but this board's settings sign in.");
        }

        switch (signIn)
        {
            case PasswordSignIn password:
                await AuthenticateAsync(endpoint, token => client.AuthenticateAsync(password.Credentials, token), cancellationToken);
                break;
            case OAuthSignIn oauth:
                var token = await oauth.Tokens.GetAsync(cancellationToken);
                try
                {
                    await AuthenticateAsync(endpoint, t => client.AuthenticateAsync(new SaslMechanismOAuth2(oauth.UserName, token), t), cancellationToken);
                }
                catch (SmtpException ex) when (ex.ReplyCode == 535)
                {
                    // The token may have been revoked or expired early (clocks differ): once, with a new one.
                    oauth.Tokens.Forget(token);
                    token = await oauth.Tokens.GetAsync(cancellationToken);
                    await AuthenticateAsync(endpoint, t => client.AuthenticateAsync(new SaslMechanismOAuth2(oauth.UserName, token), t), cancellationToken);
                }

                break;
        }
    }

    /// <summary>One AUTH exchange; a refusal becomes an <see cref="SmtpException"/> with the server's code, never the secret.</summary>
    private static async Task AuthenticateAsync(SmtpEndpoint endpoint, Func<CancellationToken, Task> authenticate, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = Timeout(cancellationToken, endpoint.Timeout);
            await authenticate(timeout.Token);
        }
        catch (MailKitAuthenticationException ex)
        {
            var code = ex.InnerException is SmtpCommandException command ? (int)command.StatusCode : 535;
            throw new SmtpException($"{endpoint.Host} refused the sign-in: {code} {ex.Message}", code);
        }
        catch (NotSupportedException ex)
        {
            throw new SmtpException($"{endpoint.Host} offers no sign-in this client can use: {ex.Message}");
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        // Never StartTlsWhenAvailable: asking for encryption must not fall back to plain text.
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    /// <summary>The system's verdict, or else a chain to the configured root; the name must match either way.</summary>
    private static bool Trusted(X509Certificate2? trusted, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (trusted is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
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

    private async Task DropClientAsync(bool sayGoodbye = false)
    {
        if (_client is null)
        {
            return;
        }

        if (sayGoodbye)
        {
            await QuitAsync(_client);
        }

        _client.Dispose();
        _client = null;
    }

    /// <summary>QUIT, briefly: saying goodbye is a courtesy, the messages are already accepted.</summary>
    private static async Task QuitAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or SmtpCommandException or SmtpProtocolException)
        {
            // Closed below either way.
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken, TimeSpan timeout)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => "no answer in time",
        _ => ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})",
    };
}
