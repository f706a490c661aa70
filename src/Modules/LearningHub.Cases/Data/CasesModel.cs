using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Media.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Cases.Data;

/// <summary>Adds the case modules' tables to the shared DbContext.</summary>
public sealed class CasesModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CaseModuleConfiguration());
        modelBuilder.ApplyConfiguration(new CaseModuleVersionConfiguration());
        modelBuilder.ApplyConfiguration(new CaseVersionThemeConfiguration());
        modelBuilder.ApplyConfiguration(new CaseVersionTopicConfiguration());
        modelBuilder.ApplyConfiguration(new CaseSectionConfiguration());
        modelBuilder.ApplyConfiguration(new CaseChronologyEntryConfiguration());
        modelBuilder.ApplyConfiguration(new CaseFindingConfiguration());
        modelBuilder.ApplyConfiguration(new CaseRecommendationConfiguration());
        modelBuilder.ApplyConfiguration(new CasePracticeActionConfiguration());
        modelBuilder.ApplyConfiguration(new CaseReviewEventConfiguration());
        modelBuilder.ApplyConfiguration(new RecommendationUpdateConfiguration());
        modelBuilder.ApplyConfiguration(new CaseProgressConfiguration());
        modelBuilder.ApplyConfiguration(new CaseSectionDoneConfiguration());
        modelBuilder.ApplyConfiguration(new CaseCertificateConfiguration());
    }
}

internal sealed class CaseModuleConfiguration : IEntityTypeConfiguration<CaseModule>
{
    public void Configure(EntityTypeBuilder<CaseModule> b)
    {
        b.ToTable("CaseModules");
        b.Property(x => x.Slug).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.Property(x => x.CoverImageId).ReferencesBoardRow<MediaAsset>(noun: "image");
        b.Property(x => x.PublishedVersionId).ReferencesBoardRow<CaseModuleVersion>(noun: "version");
        b.Property(x => x.WorkingVersionId).ReferencesBoardRow<CaseModuleVersion>(noun: "version");
        b.HasIndex(x => new { x.BoardId, x.Slug }).IsUnique();
        b.HasIndex(x => new { x.BoardId, x.Status });
        b.HasMany(x => x.Versions).WithOne(v => v.Module).HasForeignKey(v => v.ModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseModuleVersionConfiguration : IEntityTypeConfiguration<CaseModuleVersion>
{
    public void Configure(EntityTypeBuilder<CaseModuleVersion> b)
    {
        b.ToTable("CaseModuleVersions");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReviewType).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(600);
        b.Property(x => x.ContentWarning).HasMaxLength(400);
        b.Property(x => x.SupportSignposting).HasMaxLength(1000);
        b.Property(x => x.BoardResponse).HasMaxLength(5000);
        b.Property(x => x.ChangeNote).HasMaxLength(1000);
        b.Property(x => x.SubmittedByUserId).HasMaxLength(450);
        b.Property(x => x.PublishedByUserId).HasMaxLength(450);
        b.Property(x => x.SourceHash).HasMaxLength(64);
        // Default in the schema too, so versions written before key messages existed read as none.
        b.Property(x => x.KeyMessages).HasMaxLength(2000).HasDefaultValue("");
        b.HasIndex(x => new { x.ModuleId, x.Number }).IsUnique();
        b.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Topics).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Chronology).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Findings).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Recommendations).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.PracticeActions).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseVersionThemeConfiguration : IEntityTypeConfiguration<CaseVersionTheme>
{
    public void Configure(EntityTypeBuilder<CaseVersionTheme> b)
    {
        b.ToTable("CaseVersionThemes");
        b.HasIndex(x => new { x.VersionId, x.ThemeId }).IsUnique();
        b.HasIndex(x => x.ThemeId);
        b.HasOne<LearningTheme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseVersionTopicConfiguration : IEntityTypeConfiguration<CaseVersionTopic>
{
    public void Configure(EntityTypeBuilder<CaseVersionTopic> b)
    {
        b.ToTable("CaseVersionTopics");
        b.HasIndex(x => new { x.VersionId, x.TopicId }).IsUnique();
        b.HasIndex(x => x.TopicId);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseSectionConfiguration : IEntityTypeConfiguration<CaseSection>
{
    public void Configure(EntityTypeBuilder<CaseSection> b)
    {
        b.ToTable("CaseSections");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(20000);
        b.HasIndex(x => new { x.VersionId, x.Position });
    }
}

internal sealed class CasePracticeActionConfiguration : IEntityTypeConfiguration<CasePracticeAction>
{
    public void Configure(EntityTypeBuilder<CasePracticeAction> b)
    {
        b.ToTable("CasePracticeActions");
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => new { x.VersionId, x.Position });
    }
}

internal sealed class CaseChronologyEntryConfiguration : IEntityTypeConfiguration<CaseChronologyEntry>
{
    public void Configure(EntityTypeBuilder<CaseChronologyEntry> b)
    {
        b.ToTable("CaseChronologyEntries");
        b.Property(x => x.When).HasMaxLength(100);
        b.Property(x => x.What).HasMaxLength(1000);
        b.Property(x => x.Agencies).HasMaxLength(300);
        b.HasIndex(x => new { x.VersionId, x.Position });
    }
}

internal sealed class CaseFindingConfiguration : IEntityTypeConfiguration<CaseFinding>
{
    public void Configure(EntityTypeBuilder<CaseFinding> b)
    {
        b.ToTable("CaseFindings");
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.LinesOfEnquiry).HasMaxLength(1000);
        b.HasIndex(x => new { x.VersionId, x.Position });
        b.HasOne<LearningTheme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseRecommendationConfiguration : IEntityTypeConfiguration<CaseRecommendation>
{
    public void Configure(EntityTypeBuilder<CaseRecommendation> b)
    {
        b.ToTable("CaseRecommendations");
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(3000);
        b.Property(x => x.Rationale).HasMaxLength(3000);
        b.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StatusReason).HasMaxLength(2000);
        b.HasIndex(x => new { x.VersionId, x.Position });
        b.HasOne<LearningTheme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecommendationUpdateConfiguration : IEntityTypeConfiguration<RecommendationUpdate>
{
    public void Configure(EntityTypeBuilder<RecommendationUpdate> b)
    {
        b.ToTable("CaseRecommendationUpdates");
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.EvidenceUrl).HasMaxLength(500);
        b.Property(x => x.RecordedByUserId).HasMaxLength(450);
        b.Property(x => x.RecordedByName).HasMaxLength(200);
        b.HasIndex(x => new { x.ModuleId, x.Number, x.RecordedUtc });
        b.HasOne<CaseModule>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseReviewEventConfiguration : IEntityTypeConfiguration<CaseReviewEvent>
{
    public void Configure(EntityTypeBuilder<CaseReviewEvent> b)
    {
        b.ToTable("CaseReviewEvents");
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasIndex(x => new { x.ModuleId, x.AtUtc });
        b.HasOne<CaseModule>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.VersionId).ReferencesBoardRow<CaseModuleVersion>(noun: "version");
    }
}

internal sealed class CaseProgressConfiguration : IEntityTypeConfiguration<CaseProgress>
{
    public void Configure(EntityTypeBuilder<CaseProgress> b)
    {
        b.ToTable("CaseProgress");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.UserId, x.VersionId }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.ModuleId });
        // Impact's reach and the annual-report pack's "learning delivered": who completed each module in the period,
        // read from the index alone. The board leads (every query is scoped to one board; with the date first, a year
        // of completions on every board was read to keep one board's), then module and account, so "different people
        // per module" is counted in index order without a sort (issue 22: 318 ms → 44 ms on the largest seeded board).
        b.HasIndex(x => new { x.BoardId, x.ModuleId, x.UserId, x.CompletedUtc });
        b.HasOne(x => x.Version).WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseModule>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.SectionsDone).WithOne().HasForeignKey(x => x.ProgressId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.CompletedBy).HasMaxLength(300);
    }
}

internal sealed class CaseSectionDoneConfiguration : IEntityTypeConfiguration<CaseSectionDone>
{
    public void Configure(EntityTypeBuilder<CaseSectionDone> b)
    {
        b.ToTable("CaseSectionsDone");
        b.HasIndex(x => new { x.ProgressId, x.SectionId }).IsUnique();
        b.HasIndex(x => x.SectionId);
        b.HasOne<CaseSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseCertificateConfiguration : IEntityTypeConfiguration<CaseCertificate>
{
    public void Configure(EntityTypeBuilder<CaseCertificate> b)
    {
        b.ToTable("CaseCertificates");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.HolderName).HasMaxLength(200);
        b.Property(x => x.ModuleTitle).HasMaxLength(200);
        b.Property(x => x.ModuleSlug).HasMaxLength(100);
        b.Property(x => x.CompletedBy).HasMaxLength(300);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.ProgressId).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<CaseProgress>().WithMany().HasForeignKey(x => x.ProgressId).OnDelete(DeleteBehavior.Restrict);
    }
}
