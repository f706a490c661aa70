using System.Text;
using LearningHub.Cases.Services;
using LearningHub.Core.Markdown;
using LearningHub.Core.Validation;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningHub.Tests.Core;

/// <summary>The shared readers of typed input: dates and times typed in parts, enums by defined name, Markdown nesting, NULs.</summary>
public sealed class FormInputTests
{
    [Theory]
    [InlineData("1", "1", "0001", "The date of the event must be between 1 January 1900 and 31 December 2200", "Year")]
    [InlineData("31", "12", "9999", "The date of the event must be between 1 January 1900 and 31 December 2200", "Year")]
    [InlineData("31", "12", "1899", "The date of the event must be between 1 January 1900 and 31 December 2200", "Year")]
    [InlineData("", "", "", "Enter the date of the event", "")]
    [InlineData("9", "", "2027", "The date of the event must include a month", "Month")]
    [InlineData("", "", "2027", "The date of the event must include a day and month", "Day Month")]
    [InlineData("31", "2", "2027", "The date of the event must be a real date", "")]
    [InlineData("9", "13", "2027", "The date of the event must be a real date", "")]
    [InlineData("nine", "3", "2027", "The date of the event must be a real date", "")]
    [InlineData("9", "3", "27", "The year of the date of the event must include 4 numbers", "Year")]
    public void A_date_that_is_not_a_real_date_in_the_window_gives_the_GOV_UK_message_and_marks_the_wrong_parts(
        string day, string month, string year, string message, string parts)
    {
        var errors = new ModelStateDictionary();
        var input = new DateInput { Day = day, Month = month, Year = year };

        Assert.Null(input.Read(errors, "Input.Date", "the date of the event"));
        Assert.Equal(message, Assert.Single(errors["Input.Date"]!.Errors).ErrorMessage);
        Assert.Equal(parts, string.Join(' ', input.PartsInError()));
    }

    [Fact]
    public void A_real_date_is_read_with_the_month_as_a_number_or_a_name_and_an_optional_blank_is_no_date_and_no_error()
    {
        var errors = new ModelStateDictionary();

        Assert.Equal(new DateOnly(2027, 3, 9), new DateInput { Day = " 9 ", Month = "03", Year = "2027" }.Read(errors, "D", "the date"));
        Assert.Equal(new DateOnly(2027, 3, 9), new DateInput { Day = "9", Month = "Mar", Year = "2027" }.Read(errors, "D", "the date"));
        Assert.Equal(new DateOnly(2027, 3, 9), new DateInput { Day = "9", Month = "march", Year = "2027" }.Read(errors, "D", "the date"));
        Assert.Null(new DateInput().Read(errors, "D", "the date", required: false));
        Assert.True(errors.IsValid);
        Assert.Equal("9 3 2027", string.Join(' ', DateInput.Of(new DateOnly(2027, 3, 9)).Parts.Select(p => p.Value)));
    }

    [Theory]
    [InlineData("", "", "Enter the start time", "")]
    [InlineData("9", "", "The start time must include a minute", "Minute")]
    [InlineData("", "30", "The start time must include an hour", "Hour")]
    [InlineData("24", "00", "The start time must be a real time on the 24-hour clock, like 09 30 or 14 00", "")]
    [InlineData("9", "60", "The start time must be a real time on the 24-hour clock, like 09 30 or 14 00", "")]
    public void A_time_that_is_not_a_real_time_gives_a_message_and_marks_the_wrong_parts(string hour, string minute, string message, string parts)
    {
        var errors = new ModelStateDictionary();
        var input = new TimeInput { Hour = hour, Minute = minute };

        Assert.Null(input.Read(errors, "T", "the start time"));
        Assert.Equal(message, Assert.Single(errors["T"]!.Errors).ErrorMessage);
        Assert.Equal(parts, string.Join(' ', input.PartsInError()));
        Assert.Equal(new TimeOnly(9, 5), new TimeInput { Hour = "9", Minute = "05" }.Read(errors, "T2", "the start time"));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("online")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_a_defined_members_name_is_an_enum_value(string? text) =>
        Assert.Null(FormEnums.Read<DayOfWeek>(text is "online" ? "monday" : text));

    [Fact]
    public void A_defined_name_is_read() => Assert.Equal(DayOfWeek.Monday, FormEnums.Read<DayOfWeek>("Monday"));

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    public void Markdown_nested_beyond_the_renderer_is_an_error_and_never_a_crash(char nesting)
    {
        var deep = new string(nesting, 1000) + " text";
        // Deep quotes fail Markdig's parse, deep brackets only its rendering: both are caught.

        Assert.Equal(CaseMarkdown.TooDeeplyNested, CaseMarkdown.NestingError(deep));
        Assert.False(new RenderableMarkdownAttribute().IsValid(deep));
        Assert.Empty(CaseMarkdown.MediaReferences(deep));
        Assert.Contains("text", CaseMarkdown.ToHtml(deep));
    }

    [Fact]
    public void Nested_lists_beyond_the_renderer_are_an_error_and_ordinary_markdown_is_not()
    {
        var lists = string.Concat(Enumerable.Range(0, 1000).Select(level => new string(' ', level * 2) + "- item\n"));

        Assert.Equal(CaseMarkdown.TooDeeplyNested, CaseMarkdown.NestingError(lists));
        Assert.Null(CaseMarkdown.NestingError("> quoted\n\n- a\n  - b\n\n[link](https://example.org)"));
        Assert.True(new RenderableMarkdownAttribute().IsValid(null));
    }

    [Theory]
    [InlineData("a=x%00y&b=%000", "a=xy&b=0")]
    [InlineData("a=%2500", "a=%2500")]
    [InlineData("a=x\0y", "a=xy")]
    [InlineData("a=%0", "a=%0")]
    public void Nul_characters_are_removed_from_a_form_body_and_nothing_else(string body, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(FormNulStrippingMiddleware.WithoutNul(Encoding.ASCII.GetBytes(body))));
}
