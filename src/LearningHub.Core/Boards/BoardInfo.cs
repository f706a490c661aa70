namespace LearningHub.Core.Boards;

/// <summary>An immutable snapshot of a board for the request that serves it (safe to cache).</summary>
public sealed record BoardInfo(
    Guid Id,
    string Slug,
    string Name,
    string ShortName,
    string? Description,
    string ContactEmail,
    string? ContactPhone,
    string? WebsiteUrl,
    string ThemeName,
    string LogoText,
    string? FooterText)
{
    public static BoardInfo From(Board board) => new(
        board.Id, board.Slug, board.Name, board.ShortName, board.Description, board.ContactEmail,
        board.ContactPhone, board.WebsiteUrl, board.ThemeName,
        string.IsNullOrWhiteSpace(board.LogoText) ? board.ShortName : board.LogoText, board.FooterText);
}
