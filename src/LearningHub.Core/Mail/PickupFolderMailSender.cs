using System.Net.Mail;
using System.Net.Mime;
using LearningHub.Core.Boards;
using Microsoft.Extensions.Options;

namespace LearningHub.Core.Mail;

/// <summary>
/// Writes each mail as an <c>.eml</c> file under <c>{DataPath}/mail-pickup/{board}/</c>, using the
/// platform's SmtpClient pickup-directory delivery (MailKit cannot be installed here).
/// </summary>
public sealed class PickupFolderMailSender(BoardContext boards, IOptions<LearningHubOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var board = boards.Required;
        var folder = Path.Combine(options.Value.DataPath, "mail-pickup", board.Slug);
        Directory.CreateDirectory(folder);

        using var message = new MailMessage
        {
            From = new MailAddress(board.ContactEmail, board.Name),
            Subject = mail.Subject,
            Body = mail.TextBody,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.ToAddress, mail.ToName));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, null, MediaTypeNames.Text.Html));

        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = folder,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}
