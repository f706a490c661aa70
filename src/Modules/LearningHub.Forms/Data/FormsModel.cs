using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Forms.Data;

/// <summary>Adds the forms module's tables to the shared DbContext.</summary>
public sealed class FormsModel : IModelContributor
{
    public const int ContextLength = 200;

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new FormConfiguration());
        modelBuilder.ApplyConfiguration(new FormVersionConfiguration());
        modelBuilder.ApplyConfiguration(new FormQuestionConfiguration());
        modelBuilder.ApplyConfiguration(new FormSubmissionConfiguration());
        modelBuilder.ApplyConfiguration(new FormAnswerConfiguration());
        modelBuilder.ApplyConfiguration(new FormResponseReceiptConfiguration());
        modelBuilder.ApplyConfiguration(new FormAttachmentConfiguration());
    }
}

internal sealed class FormConfiguration : IEntityTypeConfiguration<Form>
{
    public void Configure(EntityTypeBuilder<Form> b)
    {
        b.ToTable("Forms");
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> b)
    {
        b.ToTable("FormVersions");
        b.HasIndex(x => new { x.FormId, x.Number }).IsUnique();
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.FormVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormQuestionConfiguration : IEntityTypeConfiguration<FormQuestion>
{
    public void Configure(EntityTypeBuilder<FormQuestion> b)
    {
        b.ToTable("FormQuestions");
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Hint).HasMaxLength(1000);
        b.Property(x => x.OptionsText).HasMaxLength(4000);
        // Questions that existed before the setting are not quotable: the model's default is the one their rows got.
        b.Property(x => x.MayQuoteAnonymously).HasDefaultValue(false);
        b.Property(x => x.ScaleLowLabel).HasMaxLength(100);
        b.Property(x => x.ScaleHighLabel).HasMaxLength(100);
        b.Ignore(x => x.Options);
        b.HasIndex(x => new { x.FormVersionId, x.Position });
        // Results compare the same question across forms by key.
        b.HasIndex(x => new { x.BoardId, x.Key });
    }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.ToTable("FormSubmissions");
        b.Property(x => x.Context).HasMaxLength(FormsModel.ContextLength);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.RespondentName).HasMaxLength(200);
        b.Property(x => x.RespondentEmail).HasMaxLength(256);
        b.Property(x => x.Sector).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.AgencyId).ReferencesBoardRow<Agency>();
        b.Property(x => x.LocalityId).ReferencesBoardRow<Locality>();
        b.Ignore(x => x.IsDraft);
        b.HasOne<Form>().WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FormVersion>().WithMany().HasForeignKey(x => x.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.FormId, x.Context, x.SubmittedUtc });
        b.HasIndex(x => new { x.UserId, x.FormId, x.Context });
    }
}

internal sealed class FormAnswerConfiguration : IEntityTypeConfiguration<FormAnswer>
{
    public void Configure(EntityTypeBuilder<FormAnswer> b)
    {
        b.ToTable("FormAnswers");
        b.Property(x => x.Value).HasMaxLength(FormQuestion.LongTextCeiling);
        b.Ignore(x => x.Values);
        b.HasOne<FormQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SubmissionId, x.QuestionId }).IsUnique();
    }
}

internal sealed class FormResponseReceiptConfiguration : IEntityTypeConfiguration<FormResponseReceipt>
{
    public void Configure(EntityTypeBuilder<FormResponseReceipt> b)
    {
        b.ToTable("FormResponseReceipts");
        b.Property(x => x.Context).HasMaxLength(FormsModel.ContextLength);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<Form>().WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.FormId, x.Context, x.UserId }).IsUnique();
        // A person's data export and erasure find their receipts by the person, across the board's forms.
        b.HasIndex(x => new { x.BoardId, x.UserId });
    }
}

internal sealed class FormAttachmentConfiguration : IEntityTypeConfiguration<FormAttachment>
{
    public void Configure(EntityTypeBuilder<FormAttachment> b)
    {
        b.ToTable("FormAttachments");
        b.Property(x => x.Context).HasMaxLength(FormsModel.ContextLength);
        b.HasOne<Form>().WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BoardId, x.Context, x.FormId }).IsUnique();
    }
}
