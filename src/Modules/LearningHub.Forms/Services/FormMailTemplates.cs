using LearningHub.Notifications.Templates;

namespace LearningHub.Forms.Services;

/// <summary>The mail the forms module sends, registered with Notifications so a board can reword it.</summary>
public static class FormMailTemplates
{
    public const string FormTitle = "form.title";
    public const string About = "about";
    public const string Link = DefaultMailTemplates.Link;

    private static readonly MailPlaceholder[] Placeholders =
    [
        new(FormTitle, "The title of the form", "Learning event evaluation"),
        new(About, "What the form is about: the event or module it follows", "Coercive control briefing, 12 March 2026"),
        new(Link, "The address to follow to answer the questions", "https://learning.example.org/esp/forms/event-evaluation?context=event:42"),
    ];

    public static MailTemplateDefinition EvaluationRequest { get; } = new(
        Key: "forms.evaluation-request",
        DisplayName: "Evaluation request",
        Description: "Sent to those who attended an event, asking them to answer its evaluation.",
        Placeholders: Placeholders,
        Subject: "{{ board.shortName }}: Tell us what you thought of {{ about }}",
        TextBody:
            """
            Dear {{ recipient.name }},

            Thank you for coming to {{ about }}.

            Please answer a few questions about it ({{ form.title }}). It takes about 5 minutes:
            {{ link }}

            Your answers help us make our learning better and show what changed in practice.

            """ + DefaultMailTemplates.TextSignOff,
        HtmlBody:
            """
            <p>Dear {{ recipient.name }},</p>
            <p>Thank you for coming to {{ about }}.</p>
            <p><a href="{{ link }}">Answer a few questions about it ({{ form.title }})</a>. It takes about 5 minutes.</p>
            <p>If the link does not work, copy this address into your browser:<br>{{ link }}</p>
            <p>Your answers help us make our learning better and show what changed in practice.</p>

            """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition FollowUpRequest { get; } = new(
        Key: "forms.follow-up-request",
        DisplayName: "Follow-up questions",
        Description: "Sent some time (90 days by default) after an event or module, asking what has changed in practice. May be copied to the line manager.",
        Placeholders: Placeholders,
        Subject: "{{ board.shortName }}: What has changed since {{ about }}?",
        TextBody:
            """
            Dear {{ recipient.name }},

            A while ago you took part in {{ about }}.

            Please tell us what has changed in your practice since then ({{ form.title }}):
            {{ link }}

            """ + DefaultMailTemplates.TextSignOff,
        HtmlBody:
            """
            <p>Dear {{ recipient.name }},</p>
            <p>A while ago you took part in {{ about }}.</p>
            <p><a href="{{ link }}">Tell us what has changed in your practice since then ({{ form.title }})</a>.</p>
            <p>If the link does not work, copy this address into your browser:<br>{{ link }}</p>

            """ + DefaultMailTemplates.HtmlSignOff);

    public static IReadOnlyList<MailTemplateDefinition> All { get; } = [EvaluationRequest, FollowUpRequest];
}
