namespace LearningHub.Core.Taxonomies;

/// <summary>
/// The national sectors agencies are grouped into for reach reporting. Fixed, so reports compare across
/// boards; each board keeps its own list of agencies within them.
/// </summary>
public enum Sector
{
    Police,
    Health,
    ChildrensSocialCare,
    Education,
    EarlyYears,
    Probation,
    LocalAuthorityOther,
    VoluntaryAndCommunity,
}

public static class SectorNames
{
    public static string DisplayName(this Sector sector) => sector switch
    {
        Sector.Police => "Police",
        Sector.Health => "Health",
        Sector.ChildrensSocialCare => "Children's Social Care",
        Sector.Education => "Education",
        Sector.EarlyYears => "Early Years",
        Sector.Probation => "Probation",
        Sector.LocalAuthorityOther => "Local Authority (other)",
        Sector.VoluntaryAndCommunity => "Voluntary and Community",
        _ => sector.ToString(),
    };
}
