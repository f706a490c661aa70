#!/usr/bin/env bash
# Writes EF Core's compiled model for each database provider, beside that provider's migrations
# (src/Migrations/LearningHub.Migrations.<Provider>/CompiledModel), from the model as the running site composes it:
#   bash scripts/compiled-model.sh
# The site starts on the compiled model (it does not build its model at start), so it must be written again
# whenever the model changes: scripts/add-migration.sh runs this after adding a migration, and
# CompiledModelMatchesModelTests fail while it is out of date. Each run gives the model a new random modelId (one line
# of LearningHubDbContextModelBuilder.cs): after a run that changed nothing else, leave that line out of the commit. The board query filters are left out of the
# generated code (EF Core's generator refuses query filters, dotnet/efcore#24897) and put back by the
# hand-written Customize hook beside it (CompiledModel/LearningHubDbContextModel.Filters.cs).
# --nativeaot: the model also carries every property's accessors and snapshot code as C# (*UnsafeAccessors.cs), so a
# start does not build and JIT-compile them as expression trees (a quarter of a first start: docs/migrations.md).
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
if [[ "${1:-}" != "--no-build" ]]; then
  dotnet build src/LearningHub.Web -v quiet -nologo
fi
design_data="$(mktemp -d)"
trap 'rm -rf "$design_data"' EXIT

optimize() {
  local provider="$1"; shift
  local project="src/Migrations/LearningHub.Migrations.$provider"
  # Only the generated files are replaced; the hand-written hook (*.Filters.cs) stays.
  find "$project/CompiledModel" -name '*.cs' ! -name '*.Filters.cs' -delete 2>/dev/null || true
  dotnet ef dbcontext optimize --no-build --nativeaot \
    --project "$project" --startup-project src/LearningHub.Web \
    --output-dir CompiledModel --namespace "LearningHub.Migrations.$provider.CompiledModel" \
    -- --Database:Provider="$provider" --Database:GeneratingCompiledModel=true --LearningHub:DataPath="$design_data" "$@"
}

optimize Sqlite
# Nothing connects at design time; the provider only needs a connection string to be configured.
optimize Postgres "--ConnectionStrings:LearningHub=Host=localhost;Database=design_time_only"
