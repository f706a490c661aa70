using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>
/// A case module's reflective questions are Forms forms now (purpose "module reflection", attached to the
/// section's context), so Cases' own questions and answers tables go; a progress records how a completion
/// came about when it was not by working through the sections (attendance), and so does its certificate. Hand-written, provider-neutral.
/// Earlier answers are not carried over: the cases step makes the recipes' forms again when a recipe is applied.
/// </summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000012_ReflectionForms")]
public sealed class ReflectionForms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CaseReflectiveAnswers");
        migrationBuilder.DropTable(name: "CaseReflectiveQuestions");
        migrationBuilder.AddColumn<string>(
            name: "CompletedBy",
            table: "CaseProgress",
            maxLength: 300,
            nullable: true);
        migrationBuilder.AddColumn<string>(
            name: "CompletedBy",
            table: "CaseCertificates",
            maxLength: 300,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "CompletedBy", table: "CaseCertificates");
        migrationBuilder.DropColumn(name: "CompletedBy", table: "CaseProgress");

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
            name: "IX_CaseReflectiveQuestions_BoardId",
            table: "CaseReflectiveQuestions",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseReflectiveQuestions_SectionId_Position",
            table: "CaseReflectiveQuestions",
            columns: new[] { "SectionId", "Position" });

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
    }
}
