using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>Private calendar feed secrets (hashed). Hand-written, provider-neutral.</summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000004_CalendarFeeds")]
public sealed class CalendarFeeds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CalendarFeedTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                RevokedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeedTokens", x => x.Id);
                table.ForeignKey(
                    name: "FK_CalendarFeedTokens_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CalendarFeedTokens_BoardId",
            table: "CalendarFeedTokens",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_CalendarFeedTokens_TokenHash",
            table: "CalendarFeedTokens",
            column: "TokenHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CalendarFeedTokens_UserId",
            table: "CalendarFeedTokens",
            column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CalendarFeedTokens");
    }
}
