using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Core.Data;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> b)
    {
        b.Property(x => x.Slug).HasMaxLength(40);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ShortName).HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.ContactEmail).HasMaxLength(256);
        b.Property(x => x.ContactPhone).HasMaxLength(40);
        b.Property(x => x.WebsiteUrl).HasMaxLength(400);
        b.Property(x => x.ThemeName).HasMaxLength(60);
        b.Property(x => x.LogoText).HasMaxLength(60);
        b.Property(x => x.FooterText).HasMaxLength(1000);
        b.Property(x => x.PartnersText).HasMaxLength(1000);
        b.Property(x => x.OutOfHoursText).HasMaxLength(1000);
        b.Property(x => x.OutOfHoursPhone).HasMaxLength(40);
        b.Property(x => x.LawfulBasisText).HasMaxLength(4000);
        b.Property(x => x.AccessibilityNotesText).HasMaxLength(4000);
    }
}

internal abstract class TaxonomyTermConfiguration<T> : IEntityTypeConfiguration<T> where T : TaxonomyTerm
{
    public virtual void Configure(EntityTypeBuilder<T> b)
    {
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
    }
}

internal sealed class AgencyConfiguration : TaxonomyTermConfiguration<Agency>
{
    public override void Configure(EntityTypeBuilder<Agency> b)
    {
        base.Configure(b);
        b.ToTable("Agencies");
        b.Property(x => x.Sector).HasConversion<string>().HasMaxLength(40);
    }
}

internal sealed class LocalityConfiguration : TaxonomyTermConfiguration<Locality>
{
    public override void Configure(EntityTypeBuilder<Locality> b)
    {
        base.Configure(b);
        b.ToTable("Localities");
    }
}

internal sealed class LearningThemeConfiguration : TaxonomyTermConfiguration<LearningTheme>
{
    public override void Configure(EntityTypeBuilder<LearningTheme> b)
    {
        base.Configure(b);
        b.ToTable("LearningThemes");
        b.Property(x => x.Description).HasMaxLength(1000);
    }
}

internal sealed class TopicConfiguration : TaxonomyTermConfiguration<Topic>
{
    public override void Configure(EntityTypeBuilder<Topic> b)
    {
        base.Configure(b);
        b.ToTable("Topics");
    }
}

internal sealed class BoardRolePermissionConfiguration : IEntityTypeConfiguration<BoardRolePermission>
{
    public void Configure(EntityTypeBuilder<BoardRolePermission> b)
    {
        b.Property(x => x.Role).HasMaxLength(40);
        b.Property(x => x.Permission).HasMaxLength(100);
        b.HasIndex(x => new { x.BoardId, x.Role, x.Permission }).IsUnique();
    }
}

internal sealed class RecipeRunConfiguration : IEntityTypeConfiguration<RecipeRun>
{
    public void Configure(EntityTypeBuilder<RecipeRun> b)
    {
        b.Property(x => x.RecipeName).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.HasIndex(x => x.BoardId);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.JobRole).HasMaxLength(200);
        b.Property(x => x.LineManagerEmail).HasMaxLength(256);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId).OnDelete(DeleteBehavior.Restrict);

        // Accounts are per board: user names and emails are unique within a board, not across boards.
        var userNameIndex = b.Metadata.GetIndexes().Single(i => i.GetDatabaseName() == "UserNameIndex");
        b.Metadata.RemoveIndex(userNameIndex);
        b.HasIndex(x => new { x.BoardId, x.NormalizedUserName }).IsUnique().HasDatabaseName("UserNameIndex");
        var emailIndex = b.Metadata.GetIndexes().Single(i => i.GetDatabaseName() == "EmailIndex");
        b.Metadata.RemoveIndex(emailIndex);
        b.HasIndex(x => new { x.BoardId, x.NormalizedEmail }).HasDatabaseName("EmailIndex");
    }
}

/// <summary>
/// ASP.NET Core's key entity, kept in the table shape the project's own key store used before the package
/// could be restored (a bounded name, the XML never null), so keys stored then are read as they are.
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.Property(x => x.FriendlyName).HasMaxLength(200);
        b.Property(x => x.Xml).IsRequired();
    }
}

internal sealed class BoardIdentityProviderConfiguration : IEntityTypeConfiguration<BoardIdentityProvider>
{
    public void Configure(EntityTypeBuilder<BoardIdentityProvider> b)
    {
        b.ToTable("BoardIdentityProviders");
        b.Property(x => x.Key).HasMaxLength(40);
        b.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
        b.Property(x => x.ButtonLabel).HasMaxLength(100);
        b.Property(x => x.Authority).HasMaxLength(500);
        b.Property(x => x.ClientId).HasMaxLength(256);
        b.Property(x => x.ProtectedClientSecret).HasMaxLength(4000);
        b.Property(x => x.Scopes).HasMaxLength(500);
        b.Property(x => x.EmailDomains).HasMaxLength(1000);
        b.Ignore(x => x.DomainList);
    }
}
