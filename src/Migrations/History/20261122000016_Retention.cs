using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>Per-board retention settings and the retention job's per-board last run (its daily claim). Hand-written, provider-neutral.</summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261122000016_Retention")]
public sealed class Retention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RetentionRuns",
            columns: table => new
            {
                BoardId = table.Column<Guid>(nullable: false),
                LastRunOnUtc = table.Column<DateTime>(nullable: true),
                LastRunUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RetentionRuns", x => x.BoardId);
                table.ForeignKey(
                    name: "FK_RetentionRuns_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RetentionSettings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                AttendanceAmount = table.Column<int>(nullable: false),
                AttendanceUnit = table.Column<string>(maxLength: 10, nullable: false),
                UnconfirmedAccountsAmount = table.Column<int>(nullable: false),
                UnconfirmedAccountsUnit = table.Column<string>(maxLength: 10, nullable: false),
                MailBodiesAmount = table.Column<int>(nullable: false),
                MailBodiesUnit = table.Column<string>(maxLength: 10, nullable: false),
                NamedAnswersAmount = table.Column<int>(nullable: false),
                NamedAnswersUnit = table.Column<string>(maxLength: 10, nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RetentionSettings", x => x.Id);
                table.ForeignKey(
                    name: "FK_RetentionSettings_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_RetentionSettings_BoardId",
            table: "RetentionSettings",
            column: "BoardId",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RetentionSettings");
        migrationBuilder.DropTable(name: "RetentionRuns");
    }
}
