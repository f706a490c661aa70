using LearningHub.Core.Data;

namespace LearningHub.Migrations.Postgres.CompiledModel;

/// <summary>
/// Hand-written (scripts/compiled-model.sh keeps it): the generated model leaves the board query filters out, since
/// EF Core's generator refuses query filters; they are put back here, before the model is finalised.
/// </summary>
public partial class LearningHubDbContextModel
{
    partial void Customize() => BoardQueryFilters.AddTo(this);
}
