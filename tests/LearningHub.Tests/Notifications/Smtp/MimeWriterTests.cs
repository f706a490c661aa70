using System.Text;
using System.Text.RegularExpressions;
using LearningHub.E2E.Infrastructure;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Smtp;

namespace LearningHub.Tests.Notifications.Smtp;

public sealed partial class MimeWriterTests
{
    private static ComposedMail Mail(string subject = "Booking confirmed", string text = "Hello", string html = "<p>Hello</p>",
        MailAttachment? attachment = null, string fromName = "Norfolk Safeguarding Children Board") => new(
        "<0123456789abcdef@learninghub>",
        new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero),
        new MailboxAddress("nscb@norfolk.example", fromName),
        new MailboxAddress("sam@school.example", "Sam Example"),
        new MailboxAddress("nscb@norfolk.example", "NSCB"),
        subject, text, html, attachment);

    private static string Raw(ComposedMail mail) => Encoding.Latin1.GetString(MimeWriter.Write(mail));

    [Fact]
    public void Both_bodies_survive_the_round_trip_whatever_they_hold()
    {
        var text = "Dear Łukasz Żółć,\n\n.a line starting with a dot\nFrom the board: a line starting with From\n"
                   + new string('x', 200) + " end\ttab and trailing spaces   \n= signs = and 100% café\r\nlast line";
        var html = "<p>Łukasz — <a href=\"https://example.org/?a=1&b=2\">link</a></p>\n<p>" + new string('y', 300) + "</p>";

        var message = MailFile.Parse(Raw(Mail(text: text, html: html)));

        Assert.Equal(text.ReplaceLineEndings("\n"), message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(html, message.HtmlBody!.ReplaceLineEndings("\n"));
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

        var message = MailFile.Parse(Raw(Mail(subject: subject)));

        Assert.StartsWith("=?utf-8?B?", message.Headers["Subject"]);
        Assert.Equal(subject, DecodeWords(message.Headers["Subject"]));
    }

    [Fact]
    public void A_plain_subject_and_sender_are_written_as_they_are()
    {
        var message = MailFile.Parse(Raw(Mail(subject: "Booking NSCB-7Q4K2 confirmed", fromName: "Norfolk \"NSCB\" Board")));

        Assert.Equal("Booking NSCB-7Q4K2 confirmed", message.Headers["Subject"]);
        Assert.Equal("\"Norfolk \\\"NSCB\\\" Board\" <nscb@norfolk.example>", message.Headers["From"]);
        Assert.Equal("\"Sam Example\" <sam@school.example>", message.Headers["To"]);
        Assert.Equal("<0123456789abcdef@learninghub>", message.Headers["Message-ID"]);
        Assert.Equal("Sat, 21 Nov 2026 09:30:00 +0000", message.Headers["Date"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void A_calendar_invite_is_an_attachment_with_its_method()
    {
        const string ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Łukasz's session\r\nEND:VCALENDAR\r\n";

        var message = MailFile.Parse(Raw(Mail(attachment: new MailAttachment("invite.ics", "text/calendar; method=REQUEST", ics))));

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("text/calendar", attachment.MediaType);
        Assert.Equal("invite.ics", attachment.FileName);
        Assert.Equal(ics, attachment.Content);
        Assert.Contains("multipart/mixed", message.Headers["Content-Type"]);
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

        Assert.Throws<FormatException>(() => MimeWriter.Write(mail));
    }

    [Fact]
    public void Data_is_dot_stuffed_and_ends_with_the_end_of_data_line()
    {
        var stuffed = Encoding.ASCII.GetString(SmtpConnection.DotStuffed(Encoding.ASCII.GetBytes(".first\r\nmiddle\r\n.\r\n..two\r\nlast")));

        Assert.Equal("..first\r\nmiddle\r\n..\r\n...two\r\nlast\r\n.\r\n", stuffed);
    }

    /// <summary>RFC 2047 "B" encoded words, as a mail client shows them.</summary>
    private static string DecodeWords(string header)
    {
        var bytes = EncodedWord().Matches(header).SelectMany(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        return Encoding.UTF8.GetString(bytes);
    }

    [GeneratedRegex(@"=\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex("[^\r]\n")]
    private static partial Regex BareLineFeed();

    [GeneratedRegex("\r[^\n]")]
    private static partial Regex BareCarriageReturn();
}
