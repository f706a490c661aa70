using LearningHub.Core.Data;

namespace LearningHub.Tests.Core;

public sealed class BoardReferenceViolationTests
{
    [Theory]
    [InlineData("roadshow", "Select a roadshow from the list")]
    [InlineData("image", "Select an image from the list")]
    [InlineData("agency", "Select an agency from the list")]
    [InlineData("learning theme", "Select a learning theme from the list")]
    public void The_field_error_names_what_to_select(string noun, string message)
    {
        Assert.Equal(message, new BoardReferenceViolation("LearningEvent", "Anything", noun).Message);
    }
}
