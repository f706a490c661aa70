using LearningHub.Notifications.Templates;

namespace LearningHub.Cases.Services;

/// <summary>The mail the Cases module sends, as templates a board may reword.</summary>
public static class CasesMailTemplates
{
    public const string ModuleTitle = "module.title";
    public const string CertificateLink = "certificate.link";

    public static MailTemplateDefinition ModuleCompleted { get; } = new(
        Key: "cases.module-completed",
        DisplayName: "Learning module completed",
        Description: "Sent when a practitioner completes a case learning module, with a link to their certificate.",
        Placeholders:
        [
            new(ModuleTitle, "The title of the module completed", "Child V"),
            new(CertificateLink, "The address of the certificate", "https://learning.example.org/norfolk/certificates/NSCB-7Q4K-2MXP"),
        ],
        Subject: "{{ board.shortName }}: You completed {{ module.title }}",
        TextBody:
            """
            Dear {{ recipient.name }},

            You completed the learning module "{{ module.title }}". Thank you for taking the time to learn from this review.

            Your certificate, to keep for your CPD record:
            {{ certificate.link }}

            """ + DefaultMailTemplates.TextSignOff,
        HtmlBody:
            """
            <p>Dear {{ recipient.name }},</p>
            <p>You completed the learning module "{{ module.title }}". Thank you for taking the time to learn from this review.</p>
            <p><a href="{{ certificate.link }}">View and download your certificate</a> to keep for your CPD record.</p>
            <p>If the link does not work, copy this address into your browser:<br>{{ certificate.link }}</p>

            """ + DefaultMailTemplates.HtmlSignOff);
}
