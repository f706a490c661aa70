namespace LearningHub.Notifications.Templates;

/// <summary>
/// The templates every board starts with, until its BoardAdmin edits them. Written in plain British
/// English in the GOV.UK style; each body ends with the board's name and contact, and the HTML bodies
/// are simple fragments (paragraphs and links, no scripts or images) that go inside the email layout.
/// </summary>
public static class DefaultMailTemplates
{
    /// <summary>The placeholder for a link the recipient follows; its value is a full https address.</summary>
    public const string Link = "link";

    /// <summary>
    /// How every mail signs off (the board's name and contact), in the plain-text body. Every module's
    /// default templates end with it, so all of a board's mail closes the same way.
    /// </summary>
    public const string TextSignOff =
        """

        {{ board.name }}
        Contact: {{ board.contactEmail }}

        """;

    /// <summary>The same sign-off for the HTML body.</summary>
    public const string HtmlSignOff =
        """
        <hr>
        <p>{{ board.name }}<br>
        Contact: <a href="mailto:{{ board.contactEmail }}">{{ board.contactEmail }}</a></p>

        """;

    public static MailTemplateDefinition ConfirmEmail { get; } = new(
        Key: "accounts.confirm-email",
        DisplayName: "Confirm your email address",
        Description: "Sent when someone creates an account, so they can prove the email address is theirs.",
        Placeholders:
        [
            new(Link, "The address to follow to confirm the email address", "https://learning.example.org/esp/account/confirm-email?code=SAMPLE"),
        ],
        Subject: "{{ board.shortName }}: Confirm your email address",
        TextBody:
            """
            Dear {{ recipient.name }},

            You, or someone using your email address, created an account on {{ board.name }}'s LearningHub.

            Confirm your email address to finish setting up your account:
            {{ link }}

            If you did not create this account, you can ignore this email.

            """ + TextSignOff,
        HtmlBody:
            """
            <p>Dear {{ recipient.name }},</p>
            <p>You, or someone using your email address, created an account on {{ board.name }}'s LearningHub.</p>
            <p><a href="{{ link }}">Confirm your email address</a> to finish setting up your account.</p>
            <p>If the link does not work, copy this address into your browser:<br>{{ link }}</p>
            <p>If you did not create this account, you can ignore this email.</p>

            """ + HtmlSignOff);

    public static MailTemplateDefinition ResetPassword { get; } = new(
        Key: "accounts.reset-password",
        DisplayName: "Reset your password",
        Description: "Sent when someone asks to reset the password of their account.",
        Placeholders:
        [
            new(Link, "The address to follow to choose a new password", "https://learning.example.org/esp/account/reset-password?code=SAMPLE"),
        ],
        Subject: "{{ board.shortName }}: Reset your password",
        TextBody:
            """
            Dear {{ recipient.name }},

            Someone asked to reset the password of your account on {{ board.name }}'s LearningHub.

            Choose a new password using this link. The link works for 24 hours.
            {{ link }}

            If you did not ask to reset your password, you can ignore this email. Your password has not changed.

            """ + TextSignOff,
        HtmlBody:
            """
            <p>Dear {{ recipient.name }},</p>
            <p>Someone asked to reset the password of your account on {{ board.name }}'s LearningHub.</p>
            <p><a href="{{ link }}">Choose a new password</a>. The link works for 24 hours.</p>
            <p>If the link does not work, copy this address into your browser:<br>{{ link }}</p>
            <p>If you did not ask to reset your password, you can ignore this email. Your password has not changed.</p>

            """ + HtmlSignOff);

    public static MailTemplateDefinition AccountExists { get; } = new(
        Key: "accounts.account-exists",
        DisplayName: "You already have an account",
        Description: "Sent when someone tries to create an account with an email address that already has one. " +
                     "The registration page looks the same either way, so only the owner of the address finds out.",
        Placeholders:
        [
            new(Link, "The address of the page to reset the password", "https://learning.example.org/esp/account/forgot-password"),
        ],
        Subject: "{{ board.shortName }}: You already have an account",
        TextBody:
            """
            Dear {{ recipient.name }},

            You, or someone using your email address, tried to create an account on {{ board.name }}'s LearningHub.

            You already have an account with this email address, so no new account was created. Sign in with your password. If you have forgotten it, you can reset it:
            {{ link }}

            If this was not you, you can ignore this email. Nothing has changed.

            """ + TextSignOff,
        HtmlBody:
            """
            <p>Dear {{ recipient.name }},</p>
            <p>You, or someone using your email address, tried to create an account on {{ board.name }}'s LearningHub.</p>
            <p>You already have an account with this email address, so no new account was created. Sign in with your password. If you have forgotten it, you can <a href="{{ link }}">reset your password</a>.</p>
            <p>If the link does not work, copy this address into your browser:<br>{{ link }}</p>
            <p>If this was not you, you can ignore this email. Nothing has changed.</p>

            """ + HtmlSignOff);

    /// <summary>Every default this module ships, in the order a BoardAdmin sees them.</summary>
    public static IReadOnlyList<MailTemplateDefinition> All { get; } = [ConfirmEmail, ResetPassword, AccountExists];
}
