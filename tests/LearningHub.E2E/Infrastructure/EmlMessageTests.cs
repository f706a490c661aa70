using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace LearningHub.E2E.Infrastructure;

/// <summary>
/// The test's own .eml reader against what System.Net.Mail really writes to a pickup folder (the site's
/// transport), so a confirm link split by quoted-printable soft breaks or hidden in base64 still comes out whole.
/// </summary>
public sealed class EmlMessageTests : IDisposable
{
    private const string Link = "http://127.0.0.1:5080/norfolk/account/confirm-email?userId=0f6b1c5e-6a2f-4d9e-9a51-2b7d3c1e8f40&code=Q2ZESjhJLUlvaG5hYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "learninghub-eml-" + Guid.NewGuid().ToString("N"));

    public EmlMessageTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData(TransferEncoding.QuotedPrintable)]
    [InlineData(TransferEncoding.Base64)]
    public async Task ReadsTextAndHtmlBodiesWhateverTheirTransferEncoding(TransferEncoding? encoding)
    {
        const string name = "Łucja Ní Bhriain";
        var text = $"Dear {name},\n\nConfirm your email address to finish setting up your account:\n{Link}\n\nThanks — NSCB\n";
        var html = $"<p>Dear {name},</p><p><a href=\"{Link.Replace("&", "&amp;")}\">{Link.Replace("&", "&amp;")}</a></p>";

        using (var message = new MailMessage { From = new MailAddress("nscb@norfolk.example", "NSCB"), Subject = "NSCB: Confirm your email address", Body = text })
        {
            message.To.Add(new MailAddress("lucja@nhs.example", name));
            message.BodyEncoding = Encoding.UTF8;
            if (encoding is { } e)
            {
                message.BodyTransferEncoding = e;
            }

            var view = AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html);
            if (encoding is { } v)
            {
                view.TransferEncoding = v;
            }

            message.AlternateViews.Add(view);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = _folder };
            await client.SendMailAsync(message);
        }

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        var raw = await File.ReadAllTextAsync(file);
        if (encoding is not null)
        {
            // The link is not in the file as it is: the reader has to decode it.
            Assert.Contains(encoding == TransferEncoding.Base64 ? "base64" : "quoted-printable", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Link, raw);
        }

        var mail = EmlMessage.Load(file);

        Assert.True(mail.IsAddressedTo("LUCJA@nhs.example"));
        Assert.False(mail.IsAddressedTo("lucja@nhs.example.org"));
        Assert.Equal(text.ReplaceLineEndings("\n"), mail.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(html, mail.HtmlBody);
    }
}
