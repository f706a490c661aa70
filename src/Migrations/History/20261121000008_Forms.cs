using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>Forms, their versions and questions, submissions and answers, receipts and attachments. Hand-written, provider-neutral.</summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000008_Forms")]
public sealed class Forms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Forms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                Purpose = table.Column<string>(maxLength: 30, nullable: false),
                IsAnonymous = table.Column<bool>(nullable: false),
                CurrentVersion = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Forms", x => x.Id);
                table.ForeignKey(
                    name: "FK_Forms_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "FormAttachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                FormId = table.Column<Guid>(nullable: false),
                Context = table.Column<string>(maxLength: 200, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormAttachments", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormAttachments_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormAttachments_Forms_FormId",
                    column: x => x.FormId,
                    principalTable: "Forms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FormResponseReceipts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                FormId = table.Column<Guid>(nullable: false),
                Context = table.Column<string>(maxLength: 200, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                SubmittedOnUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormResponseReceipts", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormResponseReceipts_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormResponseReceipts_Forms_FormId",
                    column: x => x.FormId,
                    principalTable: "Forms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FormVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                FormId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormVersions_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormVersions_Forms_FormId",
                    column: x => x.FormId,
                    principalTable: "Forms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FormQuestions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                FormVersionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Type = table.Column<string>(maxLength: 30, nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Hint = table.Column<string>(maxLength: 1000, nullable: true),
                IsRequired = table.Column<bool>(nullable: false),
                OptionsText = table.Column<string>(maxLength: 4000, nullable: true),
                MaxLength = table.Column<int>(nullable: true),
                ScaleLowLabel = table.Column<string>(maxLength: 100, nullable: true),
                ScaleHighLabel = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormQuestions", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormQuestions_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormQuestions_FormVersions_FormVersionId",
                    column: x => x.FormVersionId,
                    principalTable: "FormVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FormSubmissions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                FormId = table.Column<Guid>(nullable: false),
                FormVersionId = table.Column<Guid>(nullable: false),
                Context = table.Column<string>(maxLength: 200, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                RespondentName = table.Column<string>(maxLength: 200, nullable: true),
                RespondentEmail = table.Column<string>(maxLength: 256, nullable: true),
                AgencyId = table.Column<Guid>(nullable: true),
                Sector = table.Column<string>(maxLength: 30, nullable: true),
                LocalityId = table.Column<Guid>(nullable: true),
                StartedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormSubmissions_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormSubmissions_FormVersions_FormVersionId",
                    column: x => x.FormVersionId,
                    principalTable: "FormVersions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormSubmissions_Forms_FormId",
                    column: x => x.FormId,
                    principalTable: "Forms",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FormAnswers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                SubmissionId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                Value = table.Column<string>(maxLength: 10000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormAnswers", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormAnswers_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormAnswers_FormQuestions_QuestionId",
                    column: x => x.QuestionId,
                    principalTable: "FormQuestions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FormAnswers_FormSubmissions_SubmissionId",
                    column: x => x.SubmissionId,
                    principalTable: "FormSubmissions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_FormAnswers_BoardId",
            table: "FormAnswers",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_FormAnswers_QuestionId",
            table: "FormAnswers",
            column: "QuestionId");

        migrationBuilder.CreateIndex(
            name: "IX_FormAnswers_SubmissionId_QuestionId",
            table: "FormAnswers",
            columns: new[] { "SubmissionId", "QuestionId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_FormAttachments_BoardId_Context_FormId",
            table: "FormAttachments",
            columns: new[] { "BoardId", "Context", "FormId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_FormAttachments_FormId",
            table: "FormAttachments",
            column: "FormId");

        migrationBuilder.CreateIndex(
            name: "IX_FormQuestions_BoardId_Key",
            table: "FormQuestions",
            columns: new[] { "BoardId", "Key" });

        migrationBuilder.CreateIndex(
            name: "IX_FormQuestions_FormVersionId_Position",
            table: "FormQuestions",
            columns: new[] { "FormVersionId", "Position" });

        migrationBuilder.CreateIndex(
            name: "IX_FormResponseReceipts_BoardId",
            table: "FormResponseReceipts",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_FormResponseReceipts_FormId_Context_UserId",
            table: "FormResponseReceipts",
            columns: new[] { "FormId", "Context", "UserId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Forms_BoardId_Key",
            table: "Forms",
            columns: new[] { "BoardId", "Key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_FormSubmissions_BoardId",
            table: "FormSubmissions",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_FormSubmissions_FormId_Context_SubmittedUtc",
            table: "FormSubmissions",
            columns: new[] { "FormId", "Context", "SubmittedUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_FormSubmissions_FormVersionId",
            table: "FormSubmissions",
            column: "FormVersionId");

        migrationBuilder.CreateIndex(
            name: "IX_FormSubmissions_UserId_FormId_Context",
            table: "FormSubmissions",
            columns: new[] { "UserId", "FormId", "Context" });

        migrationBuilder.CreateIndex(
            name: "IX_FormVersions_BoardId",
            table: "FormVersions",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_FormVersions_FormId_Number",
            table: "FormVersions",
            columns: new[] { "FormId", "Number" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "FormAnswers");
        migrationBuilder.DropTable(name: "FormSubmissions");
        migrationBuilder.DropTable(name: "FormQuestions");
        migrationBuilder.DropTable(name: "FormVersions");
        migrationBuilder.DropTable(name: "FormResponseReceipts");
        migrationBuilder.DropTable(name: "FormAttachments");
        migrationBuilder.DropTable(name: "Forms");
    }
}
