using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>Media library: images per board and each board's media settings. Hand-written, provider-neutral.</summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000006_Media")]
public sealed class MediaTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MediaAssets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                OriginalName = table.Column<string>(maxLength: 255, nullable: false),
                AltText = table.Column<string>(maxLength: 1000, nullable: true),
                Decorative = table.Column<bool>(nullable: false),
                Width = table.Column<int>(nullable: false),
                Height = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 10, nullable: false),
                ByteSize = table.Column<long>(nullable: false),
                OriginalKept = table.Column<bool>(nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                CreatedByName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ReplacedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MediaAssets", x => x.Id);
                table.ForeignKey(
                    name: "FK_MediaAssets_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "MediaBoardSettings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                KeepOriginals = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MediaBoardSettings", x => x.Id);
                table.ForeignKey(
                    name: "FK_MediaBoardSettings_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_MediaAssets_BoardId_ContentHash",
            table: "MediaAssets",
            columns: new[] { "BoardId", "ContentHash" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_MediaBoardSettings_BoardId",
            table: "MediaBoardSettings",
            column: "BoardId",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "MediaBoardSettings");
        migrationBuilder.DropTable(name: "MediaAssets");
    }
}
