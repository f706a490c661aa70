namespace LearningHub.Bench.Scale;

/// <summary>
/// The areas of England's upper-tier councils, each of which has a safeguarding children partnership: the seeded
/// boards take their names in this order (the first is the largest board).
/// </summary>
public static class BoardNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Kent", "Essex", "Hampshire", "Lancashire", "Surrey", "Hertfordshire", "Birmingham", "Norfolk", "West Sussex", "Nottinghamshire",
        "Staffordshire", "Derbyshire", "Devon", "Lincolnshire", "Leeds", "Suffolk", "Leicestershire", "Cornwall", "Oxfordshire", "Somerset",
        "Cambridgeshire", "Gloucestershire", "North Yorkshire", "Warwickshire", "Durham", "Buckinghamshire", "East Sussex", "Wiltshire", "Sheffield", "Manchester",
        "Bradford", "Kirklees", "Worcestershire", "Liverpool", "Bristol", "Cheshire East", "Wakefield", "Northumberland", "Wigan", "Dorset",
        "Cheshire West and Chester", "Wirral", "Croydon", "Barnet", "Shropshire", "Doncaster", "Sandwell", "Dudley", "Coventry", "Leicester",
        "Ealing", "Sefton", "Stockport", "Wolverhampton", "Bolton", "Rotherham", "Calderdale", "Bromley", "Nottingham", "Walsall",
        "Tameside", "Newham", "Brent", "Hillingdon", "Enfield", "Lambeth", "Wandsworth", "Southwark", "Tower Hamlets", "Hounslow",
        "Redbridge", "Sunderland", "Oldham", "Trafford", "Salford", "Barnsley", "Bury", "Rochdale", "Gateshead", "Knowsley",
        "St Helens", "South Tyneside", "North Tyneside", "Newcastle upon Tyne", "Solihull", "Bath and North East Somerset", "North Somerset", "South Gloucestershire", "Swindon", "Plymouth",
        "Torbay", "Bournemouth, Christchurch and Poole", "Portsmouth", "Southampton", "Isle of Wight", "Brighton and Hove", "Medway", "Milton Keynes", "Bedford", "Central Bedfordshire",
        "Luton", "Peterborough", "Thurrock", "Southend-on-Sea", "Reading", "West Berkshire", "Wokingham", "Bracknell Forest", "Slough", "Windsor and Maidenhead",
        "Herefordshire", "Telford and Wrekin", "Stoke-on-Trent", "Derby", "Rutland", "North Lincolnshire", "North East Lincolnshire", "Kingston upon Hull", "East Riding of Yorkshire", "York",
        "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees", "Hartlepool", "Darlington", "Cumberland", "Westmorland and Furness", "Blackpool", "Blackburn with Darwen", "Halton",
        "Warrington", "Camden", "Islington", "Hackney", "Haringey", "Waltham Forest", "Barking and Dagenham", "Havering", "Bexley", "Greenwich",
        "Lewisham", "Merton", "Sutton", "Kingston upon Thames", "Richmond upon Thames", "Harrow", "Hammersmith and Fulham", "Kensington and Chelsea", "Westminster", "City of London",
        "Isles of Scilly", "North Northamptonshire", "West Northamptonshire", "Walsall and Wolverhampton", "Solent",
    ];
}
