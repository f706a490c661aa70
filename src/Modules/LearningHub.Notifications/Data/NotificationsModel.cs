using LearningHub.Core.Data;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Notifications.Data;

/// <summary>Adds the notifications module's tables to the shared DbContext.</summary>
public sealed class NotificationsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new BoardMailSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new BoardMailTemplateConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarFeedTokenConfiguration());
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(x => x.DedupeKey).HasMaxLength(200);
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.ToAddress).HasMaxLength(256);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(400);
        b.Property(x => x.AttachmentName).HasMaxLength(200);
        b.Property(x => x.AttachmentContentType).HasMaxLength(100);
        b.Property(x => x.QrCodeLink).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.BoardId, x.DedupeKey }).IsUnique();
        // The dispatcher's query: due messages by status and time, across boards.
        b.HasIndex(x => new { x.Status, x.NextAttemptUtc });
        b.HasIndex(x => x.ClaimToken);
    }
}

internal sealed class BoardMailSettingsConfiguration : IEntityTypeConfiguration<BoardMailSettings>
{
    public void Configure(EntityTypeBuilder<BoardMailSettings> b)
    {
        b.ToTable("BoardMailSettings");
        b.Property(x => x.Transport).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Security).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Host).HasMaxLength(255);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.ProtectedPassword).HasMaxLength(2000);
        // Added to a table with rows (migration MailOAuth), so the column carries a default; None is also the CLR default.
        b.Property(x => x.Authentication).HasConversion<string>().HasMaxLength(30).HasDefaultValue(SmtpAuthentication.None);
        b.Property(x => x.OAuthTokenEndpoint).HasMaxLength(500);
        b.Property(x => x.OAuthClientId).HasMaxLength(256);
        b.Property(x => x.ProtectedOAuthClientSecret).HasMaxLength(2000);
        b.Property(x => x.OAuthScope).HasMaxLength(500);
        b.Property(x => x.FromAddress).HasMaxLength(256);
        b.Property(x => x.FromName).HasMaxLength(200);
        b.HasIndex(x => x.BoardId).IsUnique();
    }
}

internal sealed class BoardMailTemplateConfiguration : IEntityTypeConfiguration<BoardMailTemplate>
{
    public void Configure(EntityTypeBuilder<BoardMailTemplate> b)
    {
        b.ToTable("BoardMailTemplates");
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Subject).HasMaxLength(400);
        b.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
    }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> b)
    {
        b.ToTable("CalendarFeedTokens");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}
