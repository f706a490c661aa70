using LearningHub.Core.Accounts;
using LearningHub.Web.Accounts;

namespace LearningHub.Tests.Core;

public sealed class PasswordStrengthValidatorTests
{
    private static readonly ApplicationUser Ottilie = new() { Email = "ottilie.fairweather@council.example", FullName = "Ottilie Fairweather" };

    private static async Task<bool> AcceptedAsync(string password, ApplicationUser? user = null) =>
        (await new PasswordStrengthValidator().ValidateAsync(null!, user ?? new ApplicationUser(), password)).Succeeded;

    [Theory]
    [InlineData("password12")]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    [InlineData("Password123!")]
    public async Task Common_and_guessable_passwords_are_refused_with_a_message_that_says_what_to_do(string password)
    {
        var result = await new PasswordStrengthValidator().ValidateAsync(null!, new ApplicationUser(), password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(PasswordStrengthValidator.ErrorCode, error.Code);
        Assert.StartsWith("Password is too easy to guess", error.Description);
    }

    [Theory]
    // The demo, test and benchmark passwords, and the hint's advice.
    [InlineData("Learning-Hub-Demo-1")]
    [InlineData("Integration-Tests-Password-1")]
    [InlineData("End-to-end-demo-password")]
    [InlineData("a long enough password")]
    [InlineData("a long enough password for privacy")]
    [InlineData("a brand new password")]
    [InlineData("correct horse battery staple")]
    public async Task Passwords_of_a_few_unrelated_words_are_accepted(string password) =>
        Assert.True(await AcceptedAsync(password));

    [Fact]
    public async Task A_password_made_of_the_persons_own_name_and_address_is_refused()
    {
        Assert.True(await AcceptedAsync("fairweather ottilie council"));
        Assert.False(await AcceptedAsync("fairweather ottilie council", Ottilie));
    }
}
