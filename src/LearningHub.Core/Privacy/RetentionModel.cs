using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Core.Privacy;

internal sealed class RetentionSettingsConfiguration : IEntityTypeConfiguration<RetentionSettings>
{
    public void Configure(EntityTypeBuilder<RetentionSettings> b)
    {
        b.ToTable("RetentionSettings");
        b.Ignore(x => x.Attendance);
        b.Ignore(x => x.UnconfirmedAccounts);
        b.Ignore(x => x.MailBodies);
        b.Ignore(x => x.NamedAnswers);
        b.Property(x => x.AttendanceUnit).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.UnconfirmedAccountsUnit).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.MailBodiesUnit).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.NamedAnswersUnit).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => x.BoardId).IsUnique();
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.ToTable("RetentionRuns");
        b.HasKey(x => x.BoardId);
        b.Property(x => x.BoardId).ValueGeneratedNever();
    }
}
