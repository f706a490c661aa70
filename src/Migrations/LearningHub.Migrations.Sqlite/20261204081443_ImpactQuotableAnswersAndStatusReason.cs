using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "CaseRecommendations",
                type: "TEXT",
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
