using System.Text;
using LearningHub.Cases.Services;
using LearningHub.Core.Validation;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningHub.Tests.Core;

/// <summary>The shared readers of typed input: dates in a sensible window, enums by defined name, Markdown nesting, NULs.</summary>
public sealed class FormInputTests
{
    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1899-12-31")]
    [InlineData("2201-01-01")]
    public void A_date_outside_1900_to_2200_is_an_error_not_a_value(string text)
    {
        var errors = new ModelStateDictionary();

        Assert.Null(FormDates.Read(text, errors, "Date", "Enter a date"));
        Assert.Equal(FormDates.OutOfRange, Assert.Single(errors["Date"]!.Errors).ErrorMessage);
        Assert.Equal("Enter a date between 1 January 1900 and 31 December 2200", FormDates.OutOfRange);
    }

    [Fact]
    public void A_date_in_the_window_is_read_and_a_blank_is_no_date_and_no_error()
    {
        var errors = new ModelStateDictionary();

        Assert.Equal(new DateOnly(2027, 3, 9), FormDates.Read(" 2027-03-09 ", errors, "Date", "Enter a date"));
        Assert.Null(FormDates.Read("  ", errors, "Date", "Enter a date"));
        Assert.True(errors.IsValid);
        Assert.Null(FormDates.Read("9 March", errors, "Date", "Enter a date"));
        Assert.Equal("Enter a date", Assert.Single(errors["Date"]!.Errors).ErrorMessage);
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
