using System.Net;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Accounts;

public sealed class RegistrationTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private async Task<Dictionary<string, string>> ValidFormAsync(string board, string email)
    {
        var (agency, locality) = await factory.WithBoardAsync(board, async db =>
            (await db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync(),
             await db.Localities.OrderBy(l => l.SortOrder).Select(l => l.Id).FirstAsync()));
        return new Dictionary<string, string>
        {
            ["Input.FullName"] = "Robin Registrant",
            ["Input.Email"] = email,
            ["Input.AgencyId"] = agency.ToString(),
            ["Input.JobRole"] = "Health visitor",
            ["Input.LocalityId"] = locality.ToString(),
            ["Input.LineManagerEmail"] = "",
            ["Input.Password"] = "a long enough password",
            ["Input.ConfirmPassword"] = "a long enough password",
        };
    }

    [Fact]
    public async Task Empty_registration_shows_an_error_summary_linked_to_each_field_and_keeps_what_was_typed()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/norfolk/account/register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "",
            ["Input.Email"] = "",
            ["Input.JobRole"] = "School nurse",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.StartsWith("Error:", page.Title);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_FullName", "#Input_Email", "#Input_AgencyId", "#Input_LocalityId", "#Input_Password", "#Input_ConfirmPassword"], links);
        foreach (var link in links)
        {
            Assert.NotNull(page.QuerySelector(link!)); // every summary link has a field to land on
        }

        Assert.Equal("School nurse", page.QuerySelector("#Input_JobRole")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Input_Password")!.GetAttribute("value"));
        Assert.Contains("govuk-form-group--error", page.QuerySelector("#Input_FullName")!.ParentElement!.ClassName);
        Assert.Equal("Input_FullName-error", page.QuerySelector("#Input_FullName")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Bad_values_are_refused_with_messages_that_say_what_to_fix_and_nothing_is_saved()
    {
        var client = factory.CreateBrowserClient();
        var essexAgency = await factory.WithBoardAsync("essex", db => db.Agencies.Select(a => a.Id).FirstAsync());
        var form = await ValidFormAsync("norfolk", "not-an-email");
        form["Input.AgencyId"] = essexAgency.ToString();
        form["Input.LocalityId"] = "not-a-guid";
        form["Input.LineManagerEmail"] = "manager at example";
        form["Input.ConfirmPassword"] = "something else entirely";
        form["Input.FullName"] = new string('x', 201);

        var response = await client.SubmitFormAsync("/norfolk/account/register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var errors = page.QuerySelectorAll(".govuk-error-summary a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.Contains("correct format", errors["#Input_Email"]);
        Assert.Contains("from the list", errors["#Input_AgencyId"]);
        Assert.True(errors.ContainsKey("#Input_LocalityId"));
        Assert.Contains("line manager", errors["#Input_LineManagerEmail"]);
        Assert.Contains("do not match", errors["#Input_ConfirmPassword"]);
        Assert.Contains("200 characters", errors["#Input_FullName"]);
        Assert.Equal("not-an-email", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithBoardAsync("norfolk", db => db.Users.CountAsync(u => u.Email == "not-an-email")));
    }

    [Fact]
    public async Task Registering_sends_a_confirmation_and_only_a_confirmed_account_can_sign_in()
    {
        var client = factory.CreateBrowserClient();
        var form = await ValidFormAsync("norfolk", "robin.registrant@nhs.example");

        var registered = await client.SubmitFormAsync("/norfolk/account/register", form);
        Assert.True(registered.StatusCode == HttpStatusCode.Redirect, (await registered.ParseAsync()).QuerySelector(".govuk-error-summary")?.TextContent);
        Assert.Equal("/norfolk/account/check-your-email", registered.Headers.Location!.OriginalString);

        var notYet = await client.SubmitFormAsync("/norfolk/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "robin.registrant@nhs.example",
            ["Input.Password"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.OK, notYet.StatusCode);
        var refused = await notYet.ParseAsync();
        Assert.Contains("Enter the email address and password", refused.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("confirm your email address first", refused.QuerySelector("main")!.TextContent);

        var mail = await Pickup.LatestMessageToAsync(factory.PickupFolder("norfolk"), "robin.registrant@nhs.example");
        Assert.Contains("Norfolk Safeguarding Children Board", mail);
        var confirmed = await client.GetDocumentAsync(Pickup.LinkTo(mail, "/norfolk/account/confirm-email"));
        Assert.Equal("Email address confirmed", confirmed.QuerySelector("h1")!.TextContent.Trim());

        await client.SignInAsync("norfolk", "robin.registrant@nhs.example", "a long enough password");
        var home = await client.GetDocumentAsync("/norfolk");
        Assert.Equal("Robin Registrant", home.QuerySelector(".lh-header__signed-in")!.TextContent.Trim());

        var user = await factory.WithBoardAsync("norfolk", db => db.Users.SingleAsync(u => u.Email == "robin.registrant@nhs.example"));
        Assert.Equal("Health visitor", user.JobRole);
        Assert.Null(user.LineManagerEmail);
    }

    [Fact]
    public async Task An_email_can_hold_one_account_per_board()
    {
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/norfolk/account/register", await ValidFormAsync("norfolk", "twice@school.example"))).StatusCode);

        // The second registration goes nowhere: the owner is told by mail (AccountDiscoveryTests).
        await client.SubmitFormAsync("/norfolk/account/register", await ValidFormAsync("norfolk", "twice@school.example"));
        Assert.Equal(1, await factory.WithBoardAsync("norfolk", db => db.Users.CountAsync(u => u.Email == "twice@school.example")));

        var otherBoard = await client.SubmitFormAsync("/essex/account/register", await ValidFormAsync("essex", "twice@school.example"));
        Assert.Equal(HttpStatusCode.Redirect, otherBoard.StatusCode);
    }

    [Fact]
    public async Task Forgotten_password_mails_a_reset_link_that_sets_a_new_password()
    {
        var client = factory.CreateBrowserClient();
        var sent = await client.SubmitFormAsync("/norfolk/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "practitioner@norfolk.demo" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Check your email", (await sent.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());

        var mail = await Pickup.LatestMessageToAsync(factory.PickupFolder("norfolk"), "practitioner@norfolk.demo");
        var link = Pickup.LinkTo(mail, "/norfolk/account/reset-password");
        var changed = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "a brand new password",
            ["Input.ConfirmPassword"] = "a brand new password",
        });
        Assert.Equal("Password changed", (await changed.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());

        await factory.CreateBrowserClient().SignInAsync("norfolk", "practitioner@norfolk.demo", "a brand new password");
    }
}

public sealed class DetailsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task A_practitioner_updates_their_own_details_and_sees_them_saved()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("essex", "practitioner@essex.demo");
        var locality = await factory.WithBoardAsync("essex", db => db.Localities.Where(l => l.Key == "south").Select(l => l.Id).SingleAsync());
        var agency = await factory.WithBoardAsync("essex", db => db.Agencies.Where(a => a.Key == "essex-police").Select(a => a.Id).SingleAsync());

        var saved = await client.SubmitFormAsync("/essex/account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Pat Practitioner-Jones",
            ["Input.AgencyId"] = agency.ToString(),
            ["Input.JobRole"] = "PCSO",
            ["Input.LocalityId"] = locality.ToString(),
            ["Input.LineManagerEmail"] = "sergeant@police.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetDocumentAsync("/essex/account");
        Assert.Contains("Your details have been saved", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("Pat Practitioner-Jones", page.QuerySelector(".lh-header__signed-in")!.TextContent.Trim());
        Assert.Equal("sergeant@police.example", page.QuerySelector("#Input_LineManagerEmail")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"#Input_LocalityId option[value='{locality}'][selected]"));
    }

    [Fact]
    public async Task Details_with_errors_are_not_saved_and_the_page_says_what_to_fix()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("essex", "author@essex.demo");

        var response = await client.SubmitFormAsync("/essex/account", new Dictionary<string, string>
        {
            ["Input.FullName"] = "",
            ["Input.JobRole"] = "Editor",
            ["Input.LineManagerEmail"] = "nope",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(["#Input_FullName", "#Input_AgencyId", "#Input_LocalityId", "#Input_LineManagerEmail"],
            page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal("Editor", page.QuerySelector("#Input_JobRole")!.GetAttribute("value"));
        Assert.Equal("Alex Author", await factory.WithBoardAsync("essex", db => db.Users.Where(u => u.Email == "author@essex.demo").Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_for_their_details()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/essex/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/essex/account/sign-in?returnUrl=%2Fessex%2Faccount", response.Headers.Location!.OriginalString);
    }
}
