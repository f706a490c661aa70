using LearningHub.Core.Learning;

namespace LearningHub.Impact.Services;

/// <summary>Cases' recommendation page asks this (through Core's <see cref="IRecommendationImpact"/>) for the recommendation's reach and change.</summary>
public sealed class RecommendationImpactReader(ImpactReach reach, ImpactChange change) : IRecommendationImpact
{
    public async Task<RecommendationImpact> ForAsync(RecommendationRef recommendation, CancellationToken cancellationToken = default)
    {
        var scope = ImpactScope.For(recommendation);
        return new RecommendationImpact(await reach.ForAsync(scope, cancellationToken), await change.ForAsync(scope, cancellationToken));
    }
}
