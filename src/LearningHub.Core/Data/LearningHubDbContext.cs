using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Data;

/// <summary>
/// The one database context. The app rents instances from EF Core's pool (each given its scope's
/// <see cref="BoardContext"/>: <c>CoreServices</c>), so a request does not pay for setting one up; the
/// modules' parts of the model come from their <see cref="IModelContributor"/>s, read once when the model is built.
/// </summary>
public class LearningHubDbContext : IdentityDbContext<ApplicationUser, IdentityRole, string>, IDataProtectionKeyContext
{
    /// <summary>The only constructor, as EF Core's pool requires: the modules' contributors come from the
    /// application's services (the options' <c>UseApplicationServiceProvider</c>) when the model is built.</summary>
    public LearningHubDbContext(DbContextOptions<LearningHubDbContext> options)
        : base(options)
    {
    }

    /// <summary>The board this context's unit of work acts for; set for each rental from the pool.</summary>
    public BoardContext BoardScope { get; set; } = new();

    /// <summary>Name of the global query filter that scopes board-owned rows to the current board.</summary>
    public const string BoardFilter = "Board";

    public DbSet<Board> Boards => Set<Board>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<LearningTheme> LearningThemes => Set<LearningTheme>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<BoardRolePermission> BoardRolePermissions => Set<BoardRolePermission>();
    public DbSet<RecipeRun> RecipeRuns => Set<RecipeRun>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// The deployment's data-protection key ring (ASP.NET Core's EF Core key store reads and writes it), so
    /// every node of a scale-out deployment shares it. Not board-owned: keys protect every board's cookies.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read by the board query filter on every query; null (no board) matches no row.</summary>
    public Guid? CurrentBoardId => BoardScope.BoardId;

    /// <summary>
    /// Every <see cref="DateTime"/> (and DateTime?) column holds UTC. SQLite hands
    /// times back without a kind and calendar files insist on UTC, so reads come back as
    /// <see cref="DateTimeKind.Utc"/> on every provider. Writes pass through unchanged, so the columns
    /// are the same and no migration follows from this.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Properties<DateTime> covers DateTime? too; EF passes a null past the converter.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LearningHubDbContext).Assembly);
        var applicationServices = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        foreach (var contributor in applicationServices?.GetServices<IModelContributor>() ?? [])
        {
            contributor.Configure(builder);
        }

        // The compiled model's generator refuses query filters (dotnet/efcore#24897): it is given the model without
        // them, and the compiled model puts them back (BoardQueryFilters.AddTo).
        var generatingCompiledModel = applicationServices?.GetService<DatabaseSettings>()?.GeneratingCompiledModel == true;
        ApplyBoardFilters(builder, withQueryFilters: !generatingCompiledModel);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = DetectChangesOnce();
        try
        {
            StampBoard();
            // Synchronous all the way down: with async false the check runs its queries with ToList.
            CheckReferencesAsync(async: false, CancellationToken.None).GetAwaiter().GetResult();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = DetectChangesOnce();
        try
        {
            StampBoard();
            await CheckReferencesAsync(async: true, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Scans the tracked entities for changes once for the whole save. Otherwise each of the board stamp, the
    /// reference check, <see cref="PublicPageChanges"/> and EF Core's own save scans them all again, and a unit of
    /// work that saves step by step with many entities tracked (a recipe) pays for every scan each time.
    /// What runs after the scan changes entities only through their entries or sets keys on added rows, which the
    /// save reads as it goes. Returns the caller's setting, to put back after the save.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return detect;
    }

    /// <summary>Rows of a board name only rows of that board (<see cref="BoardReferences"/>); no board selected means no board-owned change.</summary>
    private Task CheckReferencesAsync(bool async, CancellationToken cancellationToken) =>
        CurrentBoardId is { } boardId ? BoardReferences.CheckAsync(this, boardId, async, cancellationToken) : Task.CompletedTask;

    private static void ApplyBoardFilters(ModelBuilder builder, bool withQueryFilters)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(BoardQueryFilters.IsFiltered).ToList())
        {
            if (withQueryFilters)
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(BoardFilter, BoardQueryFilters.For(entityType.ClrType));
            }

            builder.Entity(entityType.ClrType).HasOne(typeof(Board)).WithMany()
                .HasForeignKey(nameof(IBoardOwned.BoardId)).OnDelete(DeleteBehavior.Restrict);
        }
    }

    /// <summary>New board-owned rows take the current board; a row for another board is a bug, so it throws.</summary>
    private void StampBoard()
    {
        foreach (var entry in ChangeTracker.Entries<IBoardOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var current = CurrentBoardId
                ?? throw new InvalidOperationException($"Cannot save {entry.Entity.GetType().Name}: no board is selected.");
            if (entry.State == EntityState.Added && entry.Entity.BoardId == Guid.Empty)
            {
                entry.Entity.BoardId = current;
            }
            else if (entry.Entity.BoardId != current)
            {
                throw new InvalidOperationException(
                    $"Cannot save {entry.Entity.GetType().Name} of another board while acting for board {current}.");
            }
        }
    }
}

/// <summary>Stores a time as it is and reads it back marked as UTC (see <see cref="LearningHubDbContext"/>).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
