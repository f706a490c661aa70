using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>
/// Case learning modules: modules and their versions with sections, reflective questions, chronology,
/// findings and recommendations; the review trail; practitioners' progress, answers and certificates.
/// Hand-written, provider-neutral, plus each provider's full-text search (see <see cref="AddFullTextSearch"/>).
/// </summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000005_Cases")]
public sealed class Cases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CaseModules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                PublishedVersionId = table.Column<Guid>(nullable: true),
                WorkingVersionId = table.Column<Guid>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                ArchivedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseModules", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseModules_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseModuleVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                ReviewType = table.Column<string>(maxLength: 40, nullable: false),
                ReviewPublishedOn = table.Column<DateOnly>(nullable: true),
                Summary = table.Column<string>(maxLength: 600, nullable: false),
                ContentWarning = table.Column<string>(maxLength: 400, nullable: false),
                SupportSignposting = table.Column<string>(maxLength: 1000, nullable: false),
                EstimatedMinutes = table.Column<int>(nullable: false),
                BoardResponse = table.Column<string>(maxLength: 5000, nullable: true),
                ChangeNote = table.Column<string>(maxLength: 1000, nullable: true),
                SearchText = table.Column<string>(nullable: false),
                SourceHash = table.Column<string>(maxLength: 64, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SubmittedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                PublishedUtc = table.Column<DateTime>(nullable: true),
                PublishedByUserId = table.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseModuleVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseModuleVersions_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseModuleVersions_CaseModules_ModuleId",
                    column: x => x.ModuleId,
                    principalTable: "CaseModules",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseReviewEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                UserName = table.Column<string>(maxLength: 200, nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseReviewEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseReviewEvents_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseReviewEvents_CaseModules_ModuleId",
                    column: x => x.ModuleId,
                    principalTable: "CaseModules",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseChronologyEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                When = table.Column<string>(maxLength: 100, nullable: false),
                What = table.Column<string>(maxLength: 1000, nullable: false),
                Agencies = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseChronologyEntries", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseChronologyEntries_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseChronologyEntries_CaseModuleVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "CaseModuleVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseFindings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                ThemeId = table.Column<Guid>(nullable: true),
                LinesOfEnquiry = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseFindings", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseFindings_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseFindings_CaseModuleVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "CaseModuleVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CaseFindings_LearningThemes_ThemeId",
                    column: x => x.ThemeId,
                    principalTable: "LearningThemes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseProgress",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                ModuleId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                StartedUtc = table.Column<DateTime>(nullable: false),
                LastActivityUtc = table.Column<DateTime>(nullable: false),
                SecondsSpent = table.Column<int>(nullable: false),
                CompletedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseProgress", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseProgress_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseProgress_CaseModuleVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "CaseModuleVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseProgress_CaseModules_ModuleId",
                    column: x => x.ModuleId,
                    principalTable: "CaseModules",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseRecommendations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 3000, nullable: false),
                Rationale = table.Column<string>(maxLength: 3000, nullable: true),
                ThemeId = table.Column<Guid>(nullable: true),
                Scope = table.Column<string>(maxLength: 20, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseRecommendations", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseRecommendations_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseRecommendations_CaseModuleVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "CaseModuleVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CaseRecommendations_LearningThemes_ThemeId",
                    column: x => x.ThemeId,
                    principalTable: "LearningThemes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseSections",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                Key = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 20000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseSections", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseSections_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseSections_CaseModuleVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "CaseModuleVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseVersionThemes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                ThemeId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseVersionThemes", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseVersionThemes_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseVersionThemes_CaseModuleVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "CaseModuleVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CaseVersionThemes_LearningThemes_ThemeId",
                    column: x => x.ThemeId,
                    principalTable: "LearningThemes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseVersionTopics",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                TopicId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseVersionTopics", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseVersionTopics_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseVersionTopics_CaseModuleVersions_VersionId",
                    column: x => x.VersionId,
                    principalTable: "CaseModuleVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CaseVersionTopics_Topics_TopicId",
                    column: x => x.TopicId,
                    principalTable: "Topics",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseCertificates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                ProgressId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                HolderName = table.Column<string>(maxLength: 200, nullable: false),
                ModuleTitle = table.Column<string>(maxLength: 200, nullable: false),
                ModuleSlug = table.Column<string>(maxLength: 100, nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                CompletedUtc = table.Column<DateTime>(nullable: false),
                MinutesSpent = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseCertificates", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseCertificates_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseCertificates_CaseProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "CaseProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseReflectiveQuestions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                SectionId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 300, nullable: false),
                Hint = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseReflectiveQuestions", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseReflectiveQuestions_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseReflectiveQuestions_CaseSections_SectionId",
                    column: x => x.SectionId,
                    principalTable: "CaseSections",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseSectionsDone",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                ProgressId = table.Column<Guid>(nullable: false),
                SectionId = table.Column<Guid>(nullable: false),
                DoneUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseSectionsDone", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseSectionsDone_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseSectionsDone_CaseProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "CaseProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CaseSectionsDone_CaseSections_SectionId",
                    column: x => x.SectionId,
                    principalTable: "CaseSections",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseReflectiveAnswers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                ProgressId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 10000, nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseReflectiveAnswers", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseReflectiveAnswers_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_CaseReflectiveAnswers_CaseProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "CaseProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CaseReflectiveAnswers_CaseReflectiveQuestions_QuestionId",
                    column: x => x.QuestionId,
                    principalTable: "CaseReflectiveQuestions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CaseCertificates_BoardId",
            table: "CaseCertificates",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseCertificates_Code",
            table: "CaseCertificates",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseCertificates_ProgressId",
            table: "CaseCertificates",
            column: "ProgressId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseCertificates_UserId",
            table: "CaseCertificates",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseChronologyEntries_BoardId",
            table: "CaseChronologyEntries",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseChronologyEntries_VersionId_Position",
            table: "CaseChronologyEntries",
            columns: new[] { "VersionId", "Position" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseFindings_BoardId",
            table: "CaseFindings",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseFindings_ThemeId",
            table: "CaseFindings",
            column: "ThemeId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseFindings_VersionId_Position",
            table: "CaseFindings",
            columns: new[] { "VersionId", "Position" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseModules_BoardId_Slug",
            table: "CaseModules",
            columns: new[] { "BoardId", "Slug" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseModules_BoardId_Status",
            table: "CaseModules",
            columns: new[] { "BoardId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseModuleVersions_BoardId",
            table: "CaseModuleVersions",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseModuleVersions_ModuleId_Number",
            table: "CaseModuleVersions",
            columns: new[] { "ModuleId", "Number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseProgress_BoardId",
            table: "CaseProgress",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseProgress_ModuleId",
            table: "CaseProgress",
            column: "ModuleId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseProgress_UserId_ModuleId",
            table: "CaseProgress",
            columns: new[] { "UserId", "ModuleId" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseProgress_UserId_VersionId",
            table: "CaseProgress",
            columns: new[] { "UserId", "VersionId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseProgress_VersionId",
            table: "CaseProgress",
            column: "VersionId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseRecommendations_BoardId",
            table: "CaseRecommendations",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseRecommendations_ThemeId",
            table: "CaseRecommendations",
            column: "ThemeId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseRecommendations_VersionId_Position",
            table: "CaseRecommendations",
            columns: new[] { "VersionId", "Position" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseReflectiveAnswers_BoardId",
            table: "CaseReflectiveAnswers",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseReflectiveAnswers_ProgressId_QuestionId",
            table: "CaseReflectiveAnswers",
            columns: new[] { "ProgressId", "QuestionId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseReflectiveAnswers_QuestionId",
            table: "CaseReflectiveAnswers",
            column: "QuestionId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseReflectiveQuestions_BoardId",
            table: "CaseReflectiveQuestions",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseReflectiveQuestions_SectionId_Position",
            table: "CaseReflectiveQuestions",
            columns: new[] { "SectionId", "Position" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseReviewEvents_BoardId",
            table: "CaseReviewEvents",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseReviewEvents_ModuleId_AtUtc",
            table: "CaseReviewEvents",
            columns: new[] { "ModuleId", "AtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseSections_BoardId",
            table: "CaseSections",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseSections_VersionId_Position",
            table: "CaseSections",
            columns: new[] { "VersionId", "Position" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseSectionsDone_BoardId",
            table: "CaseSectionsDone",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseSectionsDone_ProgressId_SectionId",
            table: "CaseSectionsDone",
            columns: new[] { "ProgressId", "SectionId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseSectionsDone_SectionId",
            table: "CaseSectionsDone",
            column: "SectionId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseVersionThemes_BoardId",
            table: "CaseVersionThemes",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseVersionThemes_ThemeId",
            table: "CaseVersionThemes",
            column: "ThemeId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseVersionThemes_VersionId_ThemeId",
            table: "CaseVersionThemes",
            columns: new[] { "VersionId", "ThemeId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseVersionTopics_BoardId",
            table: "CaseVersionTopics",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseVersionTopics_TopicId",
            table: "CaseVersionTopics",
            column: "TopicId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseVersionTopics_VersionId_TopicId",
            table: "CaseVersionTopics",
            columns: new[] { "VersionId", "TopicId" },
            unique: true);

        AddFullTextSearch(migrationBuilder);
    }

    /// <summary>
    /// SQLite: an FTS5 index over CaseModuleVersions.SearchText (external content, Porter stemming) kept in
    /// step by triggers. PostgreSQL: a GIN index on the English tsvector of the same column. Neither is
    /// part of the EF model, so SchemaMatchesModelTests leaves them out by name.
    /// </summary>
    private void AddFullTextSearch(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CaseModuleSearch" USING fts5("SearchText", content='CaseModuleVersions', content_rowid='rowid', tokenize='porter unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseModuleSearch_Insert" AFTER INSERT ON "CaseModuleVersions" BEGIN
                    INSERT INTO "CaseModuleSearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseModuleSearch_Delete" AFTER DELETE ON "CaseModuleVersions" BEGIN
                    INSERT INTO "CaseModuleSearch"("CaseModuleSearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseModuleSearch_Update" AFTER UPDATE OF "SearchText" ON "CaseModuleVersions" BEGIN
                    INSERT INTO "CaseModuleSearch"("CaseModuleSearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                    INSERT INTO "CaseModuleSearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                """);
        }
        else if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_CaseModuleVersions_SearchText_FullText" ON "CaseModuleVersions" USING GIN (to_tsvector('english', "SearchText"));
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseModuleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseModuleSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseModuleSearch_Update";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "CaseModuleSearch";""");
        }

        migrationBuilder.DropTable(name: "CaseReflectiveAnswers");
        migrationBuilder.DropTable(name: "CaseSectionsDone");
        migrationBuilder.DropTable(name: "CaseReflectiveQuestions");
        migrationBuilder.DropTable(name: "CaseCertificates");
        migrationBuilder.DropTable(name: "CaseVersionTopics");
        migrationBuilder.DropTable(name: "CaseVersionThemes");
        migrationBuilder.DropTable(name: "CaseSections");
        migrationBuilder.DropTable(name: "CaseRecommendations");
        migrationBuilder.DropTable(name: "CaseProgress");
        migrationBuilder.DropTable(name: "CaseFindings");
        migrationBuilder.DropTable(name: "CaseChronologyEntries");
        migrationBuilder.DropTable(name: "CaseReviewEvents");
        migrationBuilder.DropTable(name: "CaseModuleVersions");
        migrationBuilder.DropTable(name: "CaseModules");
    }
}
