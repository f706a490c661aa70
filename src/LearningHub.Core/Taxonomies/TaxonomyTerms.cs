using LearningHub.Core.Boards;

namespace LearningHub.Core.Taxonomies;

/// <summary>A board's term in one of its lists. <see cref="Key"/> is the stable key recipes match on.</summary>
public abstract class TaxonomyTerm : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>An organisation practitioners work for (Norfolk Constabulary, a GP practice group...).</summary>
public class Agency : TaxonomyTerm
{
    public Sector Sector { get; set; }

    /// <summary>
    /// Roughly how many practitioners the agency has in the board's area, as the board records it; reach is reported
    /// as a share of it. Null when the board has not said.
    /// </summary>
    public int? Workforce { get; set; }
}

/// <summary>A district or quadrant of the board's area; events are held in one and practitioners work in one.</summary>
public class Locality : TaxonomyTerm
{
}

/// <summary>A Thematic Learning Framework theme, used to tag modules, findings and events.</summary>
public class LearningTheme : TaxonomyTerm
{
    public string? Description { get; set; }
}

/// <summary>A subject (domestic abuse, neglect...) used to find learning.</summary>
public class Topic : TaxonomyTerm
{
}
