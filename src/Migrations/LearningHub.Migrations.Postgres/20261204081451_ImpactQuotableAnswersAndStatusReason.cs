using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImpactQuotableAnswersAndStatusReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MayQuoteAnonymously",
                table: "FormQuestions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "CaseRecommendations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MayQuoteAnonymously",
                table: "FormQuestions");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "CaseRecommendations");
        }
    }
}
