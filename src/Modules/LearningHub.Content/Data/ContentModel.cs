using LearningHub.Content.Domain;
using LearningHub.Core.Data;
using LearningHub.Media.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Content.Data;

/// <summary>Adds the board's own pages, home page blocks and news to the shared DbContext.</summary>
public sealed class ContentModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new BoardPageConfiguration());
        modelBuilder.ApplyConfiguration(new BoardPageVersionConfiguration());
        modelBuilder.ApplyConfiguration(new HomePageBlocksConfiguration());
        modelBuilder.ApplyConfiguration(new QuickLinkConfiguration());
        modelBuilder.ApplyConfiguration(new NewsItemConfiguration());
    }
}

internal sealed class BoardPageConfiguration : IEntityTypeConfiguration<BoardPage>
{
    public void Configure(EntityTypeBuilder<BoardPage> b)
    {
        b.ToTable("BoardPages");
        b.Property(x => x.Slug).HasMaxLength(100);
        b.Property(x => x.RecipeKey).HasMaxLength(80);
        b.Property(x => x.PublishedVersionId).ReferencesBoardRow<BoardPageVersion>(noun: "version");
        b.Property(x => x.DraftVersionId).ReferencesBoardRow<BoardPageVersion>(noun: "version");
        b.HasIndex(x => new { x.BoardId, x.Slug }).IsUnique();
        b.HasIndex(x => new { x.BoardId, x.RecipeKey }).IsUnique();
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.PageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BoardPageVersionConfiguration : IEntityTypeConfiguration<BoardPageVersion>
{
    public void Configure(EntityTypeBuilder<BoardPageVersion> b)
    {
        b.ToTable("BoardPageVersions");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Slug).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(600);
        b.Property(x => x.Body).HasMaxLength(50000);
        b.Property(x => x.EditedByName).HasMaxLength(200);
        b.HasIndex(x => new { x.PageId, x.Number }).IsUnique();
    }
}

internal sealed class HomePageBlocksConfiguration : IEntityTypeConfiguration<HomePageBlocks>
{
    public void Configure(EntityTypeBuilder<HomePageBlocks> b)
    {
        b.ToTable("HomePageBlocks");
        b.Property(x => x.Introduction).HasMaxLength(5000);
        b.Property(x => x.Modules).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Events).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ChosenModules).HasMaxLength(2000);
        b.Property(x => x.ChosenEvents).HasMaxLength(2000);
        b.HasIndex(x => x.BoardId).IsUnique();
    }
}

internal sealed class QuickLinkConfiguration : IEntityTypeConfiguration<QuickLink>
{
    public void Configure(EntityTypeBuilder<QuickLink> b)
    {
        b.ToTable("QuickLinks");
        b.Property(x => x.Text).HasMaxLength(100);
        b.Property(x => x.Url).HasMaxLength(500);
        b.HasIndex(x => new { x.BoardId, x.Position });
    }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> b)
    {
        b.ToTable("NewsItems");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(5000);
        b.Property(x => x.RecipeKey).HasMaxLength(80);
        b.Property(x => x.ImageId).ReferencesBoardRow<MediaAsset>(noun: "image");
        b.HasIndex(x => new { x.BoardId, x.Date });
        b.HasIndex(x => new { x.BoardId, x.RecipeKey }).IsUnique();
    }
}
