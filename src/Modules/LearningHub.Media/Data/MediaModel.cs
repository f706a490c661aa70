using LearningHub.Core.Data;
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
