using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Forms.Domain;
using LearningHub.Media.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Events.Data;

/// <summary>Adds the events module's tables to the shared DbContext.</summary>
public sealed class EventsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new RoadshowConfiguration());
        modelBuilder.ApplyConfiguration(new LearningEventConfiguration());
        modelBuilder.ApplyConfiguration(new BookingConfiguration());
        modelBuilder.ApplyConfiguration(new EventLearningLinkConfiguration());
    }
}

internal sealed class RoadshowConfiguration : IEntityTypeConfiguration<Roadshow>
{
    public void Configure(EntityTypeBuilder<Roadshow> b)
    {
        b.ToTable("Roadshows");
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ThemeId).ReferencesBoardRow<LearningTheme>(noun: "theme");
        b.Property(x => x.CoverImageId).ReferencesBoardRow<MediaAsset>(noun: "image");
        b.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
    }
}

internal sealed class LearningEventConfiguration : IEntityTypeConfiguration<LearningEvent>
{
    public void Configure(EntityTypeBuilder<LearningEvent> b)
    {
        b.ToTable("Events");
        b.Ignore(x => x.Audience);
        b.Ignore(x => x.LinkedModules);
        b.Ignore(x => x.LinkedRecommendations);
        b.Ignore(x => x.BookingClosesAt);
        b.Ignore(x => x.CancellationCutoffAt);
        b.Ignore(x => x.RegisterClosed);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Venue).HasMaxLength(500);
        b.Property(x => x.JoiningLink).HasMaxLength(500);
        b.Property(x => x.AudienceSectors).HasMaxLength(400);
        b.Property(x => x.Facilitators).HasMaxLength(500);
        b.Property(x => x.BookingQuestion).HasMaxLength(300);
        b.Property(x => x.BaselineFormKey).HasMaxLength(100);
        b.Property(x => x.EvaluationFormKey).HasMaxLength(100);
        b.Property(x => x.FollowUpFormKey).HasMaxLength(100);
        b.Property(x => x.RegisterClosedBy).HasMaxLength(200);
        // Added to a table with rows (migration 20261121000011), so the column carries a default; false is also the CLR default.
        b.Property(x => x.FollowUpToLineManager).HasDefaultValue(false);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Roadshow>().WithMany().HasForeignKey(x => x.RoadshowId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.LocalityId).ReferencesBoardRow<Locality>();
        b.Property(x => x.ThemeId).ReferencesBoardRow<LearningTheme>(noun: "theme");
        b.Property(x => x.CoverImageId).ReferencesBoardRow<MediaAsset>(noun: "image");
        b.Property(x => x.BaselineFormKey).ReferencesBoardRow<Form>(nameof(Form.Key));
        b.Property(x => x.EvaluationFormKey).ReferencesBoardRow<Form>(nameof(Form.Key));
        b.Property(x => x.FollowUpFormKey).ReferencesBoardRow<Form>(nameof(Form.Key));
        b.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
        b.HasMany(x => x.Links).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Links).AutoInclude();
        // The upcoming events list: published, by start time.
        b.HasIndex(x => new { x.Status, x.StartUtc });
    }
}

internal sealed class EventLearningLinkConfiguration : IEntityTypeConfiguration<EventLearningLink>
{
    public void Configure(EntityTypeBuilder<EventLearningLink> b)
    {
        b.ToTable("EventLearningLinks");
        // The id is made in code, so a link added to a loaded event's Links is saved as new (with a generated key EF
        // would take a link that already has an id for an existing row, and update it).
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ModuleKey).HasMaxLength(100);
        b.Property(x => x.RecommendationNumber).HasMaxLength(20);
        b.HasIndex(x => x.EventId);
        // The learning that answers a module or a recommendation.
        b.HasIndex(x => new { x.BoardId, x.ModuleKey, x.RecommendationNumber });
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("Bookings");
        b.Ignore(x => x.IsActive);
        b.Property(x => x.Reference).HasMaxLength(20);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ActiveUserId).HasMaxLength(450);
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.AgencyName).HasMaxLength(200);
        b.Property(x => x.Sector).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.JobRole).HasMaxLength(200);
        b.Property(x => x.LocalityName).HasMaxLength(200);
        b.Property(x => x.LineManagerEmail).HasMaxLength(256);
        b.Property(x => x.Answer).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ApprovalNonce).HasMaxLength(64);
        b.Property(x => x.CancelledBy).HasMaxLength(200);
        b.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AttendanceSource).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AttendanceRecordedBy).HasMaxLength(200);
        b.HasOne<LearningEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BoardId, x.Reference }).IsUnique();
        // One active booking per person per event: ActiveUserId is null once a booking ends, and nulls never collide.
        b.HasIndex(x => new { x.EventId, x.ActiveUserId }).IsUnique();
        b.HasIndex(x => new { x.EventId, x.Status });
        b.HasIndex(x => x.UserId);
        // The waiting-list job's query: offers and holds by when they run out.
        b.HasIndex(x => new { x.Status, x.OfferExpiresUtc });
        b.HasIndex(x => new { x.Status, x.HoldExpiresUtc });
        // Impact's reach (the annual-report pack): who came to the events in scope, read from the index alone
        // (every column the query names, the board's included), not from 100,000 rows of the table.
        b.HasIndex(x => new { x.EventId, x.Attendance, x.UserId, x.BoardId });
    }
}
