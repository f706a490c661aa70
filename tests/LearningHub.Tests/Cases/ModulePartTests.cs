using LearningHub.Cases.Services;

namespace LearningHub.Tests.Cases;

/// <summary>A part of a review in parts is listed by what it covers, since the list already says which part it is.</summary>
public sealed class ModulePartTests
{
    [Theory]
    [InlineData("Child V, part 1 of 2: episodes 1 and 2", "Episodes 1 and 2")]
    [InlineData("Child V, Part 2 of 2 – episodes 3 and 4", "Episodes 3 and 4")]
    [InlineData("Case Y part 2 of 3: the MASH", "The MASH")]
    [InlineData("Whole V", "Whole V")]
    [InlineData("Child V, part 2", "Child V, part 2")]
    public void Own_title_is_what_the_part_covers_or_the_whole_title(string title, string ownTitle) =>
        Assert.Equal(ownTitle, new ModulePart(Guid.NewGuid(), "child-v", title, 1).OwnTitle);
}
