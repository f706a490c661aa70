using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Data;

/// <summary>
/// How a module adds its entities to the one <see cref="LearningHubDbContext"/> without Core knowing
/// them: it registers a contributor that applies its <c>IEntityTypeConfiguration</c>s.
/// </summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
