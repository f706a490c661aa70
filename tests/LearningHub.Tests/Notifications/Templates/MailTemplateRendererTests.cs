using LearningHub.Core.Boards;
using LearningHub.Notifications.Templates;

namespace LearningHub.Tests.Notifications.Templates;

public sealed class MailTemplateRendererTests
{
    private const string SignOffText = "\n{{ board.name }}\nContact: {{ board.contactEmail }}\n";
    private const string SignOffHtml = "<p>{{ board.name }}<br>Contact: {{ board.contactEmail }}</p>";

    private static readonly MailTemplateDefinition Booking = new(
        "events.booking-confirmed",
        "Booking confirmed",
        "Sent when a place is booked.",
        [
            new("link", "The booking's page", "https://example.org/b/1"),
            new("booking.reference", "The booking reference", "BK-1234"),
        ],
        "{{ board.shortName }}: Booking {{ booking.reference }}",
        "Dear {{ recipient.name }},\nYour reference is {{ booking.reference }}.\n" + SignOffText,
        "<p>Dear {{ recipient.name }},</p><p>Reference {{ booking.reference }}</p>" + SignOffHtml);

    private readonly MailTemplateRenderer _renderer = new();

    private static Dictionary<string, string> Values(string recipientName = "Sam Taylor") => new()
    {
        ["board.name"] = "Norfolk Safeguarding Children Partnership",
        ["board.shortName"] = "NSCP",
        ["board.contactEmail"] = "learning@nscp.example",
        ["recipient.name"] = recipientName,
        ["link"] = "https://example.org/b/1?a=1&b=2",
        ["booking.reference"] = "BK-9",
    };

    private TemplateValidation ValidateWith(string part, string template) => part switch
    {
        MailTemplatePart.Subject => _renderer.Validate(Booking, template, Booking.TextBody, Booking.HtmlBody),
        MailTemplatePart.TextBody => _renderer.Validate(Booking, Booking.Subject, template + SignOffText, Booking.HtmlBody),
        MailTemplatePart.HtmlBody => _renderer.Validate(Booking, Booking.Subject, Booking.TextBody, template + SignOffHtml),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    [Fact]
    public void The_test_definition_itself_is_valid()
    {
        var validation = _renderer.Validate(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody);

        Assert.True(validation.IsValid, validation.ToString());
    }

    [Theory]
    [InlineData(MailTemplatePart.Subject)]
    [InlineData(MailTemplatePart.TextBody)]
    [InlineData(MailTemplatePart.HtmlBody)]
    public void An_unknown_placeholder_is_refused_naming_it_and_the_part(string part)
    {
        var validation = ValidateWith(part, "Your reference is {{ booking.refrence }}");

        var problem = Assert.Single(validation.Problems);
        Assert.False(validation.IsValid);
        Assert.Equal(part, problem.Field);
        Assert.StartsWith("{{ booking.refrence }} is not a placeholder this template offers.", problem.Message);
        Assert.Same(problem, Assert.Single(validation.For(part)));
    }

    [Fact]
    public void A_typo_is_answered_with_the_closest_name_and_every_allowed_one()
    {
        var problem = Assert.Single(ValidateWith(MailTemplatePart.TextBody, "{{ booking.refrence }}").Problems);

        Assert.Contains("Did you mean {{ booking.reference }}?", problem.Message);
        Assert.EndsWith(
            "Use one of: {{ board.name }}, {{ board.shortName }}, {{ board.contactEmail }}, {{ recipient.name }}, {{ link }}, {{ booking.reference }}",
            problem.Message);
    }

    [Fact]
    public void A_name_far_from_any_allowed_one_gets_the_list_but_no_guess()
    {
        var problem = Assert.Single(ValidateWith(MailTemplatePart.TextBody, "{{ venue.address }}").Problems);

        Assert.DoesNotContain("Did you mean", problem.Message);
        Assert.Contains("Use one of: {{ board.name }}", problem.Message);
    }

    [Theory]
    [InlineData("{{ Board.Name }}", "{{ board.name }}")]
    [InlineData("{{ board name }}", "{{ board.name }}")]
    [InlineData("{{ board_name }}", "{{ board.name }}")]
    public void Placeholders_are_case_sensitive_lower_camel_names(string written, string suggested)
    {
        var problem = Assert.Single(ValidateWith(MailTemplatePart.HtmlBody, $"<p>{written}</p>").Problems);

        Assert.Equal(MailTemplatePart.HtmlBody, problem.Field);
        Assert.StartsWith($"{written} is not a placeholder.", problem.Message);
        Assert.Contains($"Did you mean {suggested}?", problem.Message);
    }

    [Fact]
    public void A_misspelling_repeated_is_reported_once_per_part_with_its_line()
    {
        var validation = ValidateWith(MailTemplatePart.TextBody, "Hello\n{{ lnik }}\n{{ lnik }}");

        var problem = Assert.Single(validation.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("Did you mean {{ link }}?", problem.Message);
    }

    [Theory]
    [InlineData("Book here: {{ link", "{{ without a closing }} at \"{{ link\"")]
    [InlineData("Book here: {{ link }\nthen more", "{{ without a closing }} at \"{{ link }\"")]
    [InlineData("Book here: link }}", "}} without an opening {{ at \"Book here: link }}\"")]
    [InlineData("Book here: { link }}", "}} without an opening {{ at \"Book here: { link }}\"")]
    public void Unbalanced_braces_are_refused(string body, string expected)
    {
        var problem = Assert.Single(ValidateWith(MailTemplatePart.TextBody, body).Problems);

        Assert.Equal(MailTemplatePart.TextBody, problem.Field);
        Assert.StartsWith(expected, problem.Message);
    }

    [Fact]
    public void An_unclosed_placeholder_does_not_hide_the_ones_after_it()
    {
        var validation = ValidateWith(MailTemplatePart.TextBody, "{{ link\n{{ lnik }}");

        Assert.Collection(validation.Problems,
            p => Assert.StartsWith("{{ without a closing }}", p.Message),
            p => Assert.StartsWith("{{ lnik }} is not a placeholder this template offers.", p.Message));
    }

    [Fact]
    public void Empty_braces_are_refused()
    {
        var problem = Assert.Single(ValidateWith(MailTemplatePart.Subject, "Hello {{ }}").Problems);

        Assert.StartsWith("{{ }} is empty.", problem.Message);
    }

    [Fact]
    public void Doubled_braces_show_braces_as_text()
    {
        const string body = "Write {{{{ board.name }}}} to show {{ board.name }}.\n";
        Assert.True(ValidateWith(MailTemplatePart.TextBody, body).IsValid);

        var mail = _renderer.Render(Booking, Booking.Subject, body + SignOffText, Booking.HtmlBody, Values());

        Assert.StartsWith("Write {{ board.name }} to show Norfolk Safeguarding Children Partnership.\n", mail.TextBody);
    }

    [Theory]
    [InlineData("", "Enter a subject")]
    [InlineData("   ", "Enter a subject")]
    [InlineData("Booking\r\nBcc: someone@example.org", "The subject must be on one line")]
    [InlineData("Booking\nconfirmed", "The subject must be on one line")]
    public void The_subject_is_one_line_of_text(string subject, string expected)
    {
        var problem = Assert.Single(_renderer.Validate(Booking, subject, Booking.TextBody, Booking.HtmlBody).Problems);

        Assert.Equal(MailTemplatePart.Subject, problem.Field);
        Assert.Equal(expected, problem.Message);
    }

    [Fact]
    public void Empty_bodies_are_refused()
    {
        var validation = _renderer.Validate(Booking, Booking.Subject, null, " ");

        Assert.Equal("Enter the plain-text body", Assert.Single(validation.For(MailTemplatePart.TextBody)).Message);
        Assert.Equal("Enter the HTML body", Assert.Single(validation.For(MailTemplatePart.HtmlBody)).Message);
    }

    [Theory]
    [InlineData(MailTemplatePart.TextBody, "Dear {{ recipient.name }},\n{{ board.name }}\n")]
    [InlineData(MailTemplatePart.HtmlBody, "<p>Dear {{ recipient.name }}</p><p>Contact {{ board.contactEmail }}</p>")]
    public void Both_bodies_must_show_the_board_name_and_contact(string part, string body)
    {
        var validation = part == MailTemplatePart.TextBody
            ? _renderer.Validate(Booking, Booking.Subject, body, Booking.HtmlBody)
            : _renderer.Validate(Booking, Booking.Subject, Booking.TextBody, body);

        var problem = Assert.Single(validation.Problems);
        Assert.Equal(part, problem.Field);
        Assert.Contains("must include {{ board.name }} and {{ board.contactEmail }}", problem.Message);
    }

    [Fact]
    public void Html_values_are_encoded_while_the_text_body_keeps_them_as_given()
    {
        const string name = "<script>alert('x')</script> & Co";

        var mail = _renderer.Render(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody, Values(name));

        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("<p>Dear &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co,</p>", mail.HtmlBody);
        Assert.StartsWith($"Dear {name},\n", mail.TextBody);
    }

    [Fact]
    public void A_value_cannot_break_out_of_an_attribute()
    {
        const string html = "<p><a href=\"{{ link }}\">Your booking</a></p>" + SignOffHtml;
        var values = Values();
        values["link"] = "https://example.org/\" onclick=\"steal()";

        var mail = _renderer.Render(Booking, Booking.Subject, Booking.TextBody, html, values);

        Assert.StartsWith("<p><a href=\"https://example.org/&quot; onclick=&quot;steal()\">", mail.HtmlBody);
    }

    [Fact]
    public void Line_breaks_in_values_are_taken_out_of_the_subject_only()
    {
        var values = Values();
        values["booking.reference"] = "BK-9\r\nBcc: everyone@example.org\n";

        var mail = _renderer.Render(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody, values);

        Assert.Equal("NSCP: Booking BK-9 Bcc: everyone@example.org", mail.Subject);
        Assert.Contains("Your reference is BK-9\r\nBcc: everyone@example.org\n.", mail.TextBody);
    }

    [Theory]
    [InlineData("{{name}}")]
    [InlineData("{{ name }}")]
    [InlineData("{{  name  }}")]
    [InlineData("{{\tname }}")]
    public void Spaces_inside_the_braces_are_optional(string placeholder)
    {
        var definition = Booking with { Placeholders = [new("name", "A name", "Ada")] };
        var text = $"Hello {placeholder}!\n" + SignOffText;
        var html = $"<p>Hello {placeholder}!</p>" + SignOffHtml;
        var values = Values();
        values["name"] = "Ada";

        var mail = _renderer.Render(definition, $"Hi {placeholder}", text, html, values);

        Assert.Equal("Hi Ada", mail.Subject);
        Assert.StartsWith("Hello Ada!\n", mail.TextBody);
        Assert.StartsWith("<p>Hello Ada!</p>", mail.HtmlBody);
    }

    [Fact]
    public void A_missing_value_renders_empty_and_is_reported()
    {
        var values = Values();
        values.Remove("booking.reference");
        values.Remove("recipient.name");

        var mail = _renderer.Render(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody, values);

        Assert.Equal("NSCP: Booking ", mail.Subject);
        Assert.StartsWith("Dear ,\nYour reference is .\n", mail.TextBody);
        Assert.Equal(["booking.reference", "recipient.name"], mail.MissingValues);
    }

    [Fact]
    public void Every_value_given_means_nothing_is_missing()
    {
        var mail = _renderer.Render(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody, Values());

        Assert.Empty(mail.MissingValues);
    }

    [Fact]
    public void An_invalid_template_is_not_rendered()
    {
        var error = Assert.Throws<MailTemplateException>(() =>
            _renderer.Render(Booking, "Booking {{ booking.refrence }}", Booking.TextBody, Booking.HtmlBody, Values()));

        Assert.Equal("events.booking-confirmed", error.TemplateKey);
        Assert.Equal(MailTemplatePart.Subject, Assert.Single(error.Validation.Problems).Field);
    }

    [Fact]
    public void A_preview_uses_the_sample_values_unless_given_real_ones()
    {
        var preview = _renderer.Preview(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody);
        var board = _renderer.Preview(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody,
            new Dictionary<string, string> { ["board.shortName"] = "NSCP" });

        Assert.Equal("ESP: Booking BK-1234", preview.Subject);
        Assert.Equal("NSCP: Booking BK-1234", board.Subject);
        Assert.Empty(preview.MissingValues);
    }

    [Fact]
    public void Common_values_come_from_the_board_and_recipient()
    {
        var board = new BoardInfo(Guid.NewGuid(), "norfolk", "Norfolk Safeguarding Children Partnership", "NSCP", null,
            "learning@nscp.example", null, null, "Norfolk", "NSCP", null);

        var values = MailPlaceholders.CommonValues(board, "Sam Taylor");
        values["link"] = "https://example.org";
        values["booking.reference"] = "BK-1";
        var mail = _renderer.Render(Booking, Booking.Subject, Booking.TextBody, Booking.HtmlBody, values);

        Assert.Empty(mail.MissingValues);
        Assert.EndsWith("\nNorfolk Safeguarding Children Partnership\nContact: learning@nscp.example\n", mail.TextBody);
    }

    public static TheoryData<string> DefaultKeys() => new(DefaultMailTemplates.All.Select(d => d.Key));

    [Fact]
    public void The_account_defaults_are_shipped()
    {
        Assert.Equal(["accounts.account-exists", "accounts.confirm-email", "accounts.reset-password"], DefaultMailTemplates.All.Select(d => d.Key).Order());
        Assert.All(DefaultMailTemplates.All, d => Assert.NotNull(d.FindPlaceholder("link")));
    }

    [Theory]
    [MemberData(nameof(DefaultKeys))]
    public void Each_default_validates_against_its_own_definition(string key)
    {
        var definition = DefaultMailTemplates.All.Single(d => d.Key == key);

        var validation = _renderer.Validate(definition, definition.Subject, definition.TextBody, definition.HtmlBody);

        Assert.True(validation.IsValid, validation.ToString());
    }

    [Theory]
    [MemberData(nameof(DefaultKeys))]
    public void Each_default_previews_with_the_board_name_and_contact_in_both_bodies(string key)
    {
        var definition = DefaultMailTemplates.All.Single(d => d.Key == key);

        var mail = _renderer.Preview(definition, definition.Subject, definition.TextBody, definition.HtmlBody);

        Assert.Empty(mail.MissingValues);
        Assert.StartsWith("ESP: ", mail.Subject);
        Assert.EndsWith("\nExample Safeguarding Partnership\nContact: learning@example.org\n", mail.TextBody);
        Assert.Contains("<p>Example Safeguarding Partnership<br>", mail.HtmlBody);
        Assert.Contains("<a href=\"mailto:learning@example.org\">learning@example.org</a></p>", mail.HtmlBody);
        Assert.Contains("Dear Sam Taylor,", mail.TextBody);
        Assert.Contains(definition.FindPlaceholder("link")!.SampleValue, mail.TextBody);
        Assert.DoesNotContain("{{", mail.TextBody + mail.HtmlBody + mail.Subject);
    }

    [Theory]
    [MemberData(nameof(DefaultKeys))]
    public void Each_default_html_body_is_a_plain_fragment(string key)
    {
        var html = DefaultMailTemplates.All.Single(d => d.Key == key).HtmlBody;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?i)\son[a-z]+\s*=", html);
        Assert.StartsWith("<p>", html);
        Assert.Contains("<a href=\"{{ link }}\">", html);
    }

    [Fact]
    public void The_catalog_finds_definitions_by_key()
    {
        var catalog = new MailTemplateCatalog([.. DefaultMailTemplates.All, Booking]);

        Assert.Same(DefaultMailTemplates.ResetPassword, catalog.Find("accounts.reset-password"));
        Assert.Same(Booking, catalog.Find("events.booking-confirmed"));
        Assert.Null(catalog.Find("accounts.Reset-Password"));
        Assert.Null(catalog.Find("events.unknown"));
        Assert.Equal(DefaultMailTemplates.All.Count + 1, catalog.All.Count);
    }

    [Fact]
    public void The_catalog_refuses_a_key_defined_twice()
    {
        var error = Assert.Throws<ArgumentException>(() => new MailTemplateCatalog([Booking, Booking with { DisplayName = "Other" }]));

        Assert.Contains("'events.booking-confirmed' is defined twice", error.Message);
    }

    [Fact]
    public void The_catalog_refuses_a_definition_whose_defaults_do_not_validate()
    {
        var broken = Booking with { TextBody = "Reference {{ booking.ref }}\n" + SignOffText };

        var error = Assert.Throws<ArgumentException>(() => new MailTemplateCatalog([broken]));

        Assert.Contains("TextBody, line 1: {{ booking.ref }} is not a placeholder this template offers.", error.Message);
    }

    [Theory]
    [InlineData("board.name")]
    [InlineData("Booking.Reference")]
    public void The_catalog_refuses_a_placeholder_that_clashes_or_is_malformed(string name)
    {
        var definition = Booking with { Placeholders = [.. Booking.Placeholders, new(name, "x", "x")] };

        Assert.Throws<ArgumentException>(() => new MailTemplateCatalog([definition]));
    }
}
