using System.Text;
using System.Text.RegularExpressions;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Smtp;
using MimeKit;
using MailboxAddress = LearningHub.Notifications.Smtp.MailboxAddress;

namespace LearningHub.Tests.Notifications.Smtp;

/// <summary>The message as it goes on the wire, read back with MimeKit's parser as a mail client would.</summary>
public sealed partial class MailMessageBuilderTests
{
    private static ComposedMail Mail(string subject = "Booking confirmed", string text = "Hello", string html = "<p>Hello</p>",
        MailAttachment? attachment = null, string fromName = "Norfolk Safeguarding Children Board", string? qrCodeLink = null) => new(
        "<0123456789abcdef@learninghub>",
        new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero),
        new MailboxAddress("nscb@norfolk.example", fromName),
        new MailboxAddress("sam@school.example", "Sam Example"),
        new MailboxAddress("nscb@norfolk.example", "NSCB"),
        subject, text, html, attachment, qrCodeLink);

    /// <summary>The bytes a transport writes (SMTP DATA before dot-stuffing, or the pickup file).</summary>
    private static string Raw(ComposedMail mail)
    {
        using var stream = new MemoryStream();
        MailMessageBuilder.Build(mail).WriteTo(MailMessageBuilder.WireFormat, stream);
        return Encoding.Latin1.GetString(stream.ToArray());
    }

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(raw)));

    [Fact]
    public void Both_bodies_survive_the_round_trip_whatever_they_hold()
    {
        var text = "Dear Łukasz Żółć,\n\n.a line starting with a dot\nFrom the board: a line starting with From\n"
                   + new string('x', 200) + " end\ttab and trailing spaces   \n= signs = and 100% café\r\nlast line";
        var html = "<p>Łukasz — <a href=\"https://example.org/?a=1&b=2\">link</a></p>\n<p>" + new string('y', 300) + "</p>";

        var message = Parse(Raw(Mail(text: text, html: html)));

        Assert.Equal(text.ReplaceLineEndings("\n"), message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(html, message.HtmlBody!.ReplaceLineEndings("\n"));
        Assert.All(message.BodyParts.OfType<TextPart>(), part =>
        {
            Assert.Equal(ContentEncoding.QuotedPrintable, part.ContentTransferEncoding);
            Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true);
        });
    }

    [Fact]
    public void Every_line_ends_CRLF_and_stays_within_78_characters()
    {
        var raw = Raw(Mail(subject: "Réservation confirmée pour la séance de formation sur la négligence — Łukasz Żółć, Norwich",
            text: new string('é', 500), html: "<p>" + new string('a', 1000) + "</p>",
            attachment: new MailAttachment("invite.ics", "text/calendar; method=REQUEST", new string('z', 400))));

        Assert.DoesNotMatch(BareLineFeed(), raw);
        Assert.DoesNotMatch(BareCarriageReturn(), raw);
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 78, $"Line of {line.Length}: {line}"));
        Assert.All(raw, c => Assert.True(c < 128, "Only ASCII goes on the wire"));
    }

    [Fact]
    public void A_subject_outside_ASCII_is_encoded_and_decodes_back()
    {
        const string subject = "Réservation confirmée: Łukasz Żółć 👩‍⚕️ at the Case R roadshow in King's Lynn";

        var raw = Raw(Mail(subject: subject));
        var message = Parse(raw);

        Assert.Matches(EncodedSubject(), raw);
        Assert.Equal(subject, message.Subject);
    }

    [Fact]
    public void A_plain_subject_and_sender_are_written_as_they_are()
    {
        var message = Parse(Raw(Mail(subject: "Booking NSCB-7Q4K2 confirmed", fromName: "Norfolk \"NSCB\" Board")));

        Assert.Equal("Booking NSCB-7Q4K2 confirmed", message.Headers[HeaderId.Subject]);
        var from = Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Norfolk \"NSCB\" Board", "nscb@norfolk.example"), (from.Name, from.Address));
        var to = Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("Sam Example", "sam@school.example"), (to.Name, to.Address));
        var replyTo = Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(message.ReplyTo));
        Assert.Equal(("NSCB", "nscb@norfolk.example"), (replyTo.Name, replyTo.Address));
        Assert.Equal("<0123456789abcdef@learninghub>", message.Headers[HeaderId.MessageId]);
        Assert.Equal("Sat, 21 Nov 2026 09:30:00 +0000", message.Headers[HeaderId.Date]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void A_QR_code_is_drawn_as_an_inline_image_beside_the_HTML_that_shows_it_and_the_invite_stays_an_attachment()
    {
        const string link = "https://learning.example.org/norfolk/events/check-in?token=CfDJ8abc";
        var html = $"<p><img src=\"{MailQrCode.ImageSource}\" alt=\"Check-in QR code\"></p>";

        var message = Parse(Raw(Mail(html: html, qrCodeLink: link,
            attachment: new MailAttachment("invite.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR"))));

        // multipart/alternative { text/plain, multipart/related { text/html, image/png } }: what mail clients read as
        // "the HTML and the pictures it shows", so the image is not listed as a file to open.
        var image = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == MailQrCode.ContentId);
        Assert.Equal("image/png", image.ContentType.MimeType);
        Assert.Equal(ContentDisposition.Inline, image.ContentDisposition!.Disposition);
        using var png = new MemoryStream();
        image.Content!.DecodeTo(png);
        Assert.Equal(MailQrCode.Png(link), png.ToArray());
        var mixed = Assert.IsType<Multipart>(message.Body);
        var related = Assert.Single(Assert.Single(mixed.OfType<MultipartAlternative>()).OfType<MultipartRelated>());
        Assert.Equal("text/html", related.Root!.ContentType.MimeType);
        Assert.Contains($"src=\"{MailQrCode.ImageSource}\"", message.HtmlBody);
        Assert.Equal("invite.ics", Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments)).FileName);
    }

    [Theory]
    [InlineData(null, "<p><img src=\"cid:qr-code@learninghub\" alt=\"\"></p>")]
    [InlineData("https://learning.example.org/norfolk/events/check-in?token=CfDJ8abc", "<p>A board's own wording, without the picture</p>")]
    public void No_image_part_goes_without_both_a_link_and_HTML_that_shows_it(string? qrCodeLink, string html)
    {
        var message = Parse(Raw(Mail(html: html, qrCodeLink: qrCodeLink)));

        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.DoesNotContain(message.BodyParts, p => p.ContentType.MediaType == "image");
    }

    [Fact]
    public void A_calendar_invite_is_an_attachment_with_its_method()
    {
        const string ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Łukasz's session\r\nEND:VCALENDAR\r\n";

        var message = Parse(Raw(Mail(attachment: new MailAttachment("invite.ics", "text/calendar; method=REQUEST", ics))));

        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        Assert.Equal("invite.ics", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(ics, Encoding.UTF8.GetString(content.ToArray()));
        Assert.Equal("multipart/mixed", message.Body!.ContentType.MimeType);
        Assert.Equal("Hello", message.TextBody);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("sam@school.example>\r\nRCPT TO:<victim@example.org")]
    [InlineData("sam example@school.example")]
    [InlineData("łukasz@school.example")]
    public void An_address_that_could_break_a_header_or_a_command_is_refused(string address)
    {
        var mail = Mail() with { To = new MailboxAddress(address) };

        Assert.Throws<FormatException>(() => MailMessageBuilder.Build(mail));
    }

    [GeneratedRegex(@"Subject: =\?utf-8\?[bBqQ]\?", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedSubject();

    [GeneratedRegex("[^\r]\n")]
    private static partial Regex BareLineFeed();

    [GeneratedRegex("\r[^\n]")]
    private static partial Regex BareCarriageReturn();
}
