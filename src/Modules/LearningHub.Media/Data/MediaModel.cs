using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Media.Data;

/// <summary>Adds the media module's tables to the shared DbContext.</summary>
public sealed class MediaModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new MediaAssetConfiguration());
        modelBuilder.ApplyConfiguration(new MediaBoardSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new ResourceConfiguration());
        modelBuilder.ApplyConfiguration(new ResourceThemeConfiguration());
    }
}

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> b)
    {
        b.ToTable("MediaAssets");
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.OriginalName).HasMaxLength(255);
        b.Property(x => x.AltText).HasMaxLength(1000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.Property(x => x.CreatedByName).HasMaxLength(200);
        // The same picture is one asset per board: its files are named by this hash.
        b.HasIndex(x => new { x.BoardId, x.ContentHash }).IsUnique();
        b.Property(x => x.RecipeKey).HasMaxLength(100);
        // One image per recipe key and board; images without a key (null) do not collide.
        b.HasIndex(x => new { x.BoardId, x.RecipeKey }).IsUnique();
    }
}

internal sealed class MediaBoardSettingsConfiguration : IEntityTypeConfiguration<MediaBoardSettings>
{
    public void Configure(EntityTypeBuilder<MediaBoardSettings> b)
    {
        b.ToTable("MediaBoardSettings");
        b.HasIndex(x => x.BoardId).IsUnique();
    }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.ToTable("Resources");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.LinkPath).HasMaxLength(400);
        b.Property(x => x.CreatedByName).HasMaxLength(200);
        b.Property(x => x.RecipeKey).HasMaxLength(100);
        // One resource per recipe key and board; resources without a key (null) do not collide.
        b.HasIndex(x => new { x.BoardId, x.RecipeKey }).IsUnique();
        b.HasIndex(x => new { x.BoardId, x.PublishedOn });
        b.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceThemeConfiguration : IEntityTypeConfiguration<ResourceTheme>
{
    public void Configure(EntityTypeBuilder<ResourceTheme> b)
    {
        b.ToTable("ResourceThemes");
        b.HasIndex(x => new { x.ResourceId, x.ThemeId }).IsUnique();
        b.HasIndex(x => x.ThemeId);
        b.HasOne<LearningTheme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
