using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardSettingsAndResources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessibilityNotesText",
                table: "Boards",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedSinceRecipeUtc",
                table: "Boards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LawfulBasisText",
                table: "Boards",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutOfHoursPhone",
                table: "Boards",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutOfHoursText",
                table: "Boards",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnersText",
                table: "Boards",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ByteSize = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecipeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EditedSinceRecipeUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Resources_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResourceThemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceThemes_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceThemes_LearningThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "LearningThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceThemes_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Resources_BoardId_PublishedOn",
                table: "Resources",
                columns: new[] { "BoardId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Resources_BoardId_RecipeKey",
                table: "Resources",
                columns: new[] { "BoardId", "RecipeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceThemes_BoardId",
                table: "ResourceThemes",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceThemes_ResourceId_ThemeId",
                table: "ResourceThemes",
                columns: new[] { "ResourceId", "ThemeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceThemes_ThemeId",
                table: "ResourceThemes",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceThemes");

            migrationBuilder.DropTable(
                name: "Resources");

            migrationBuilder.DropColumn(
                name: "AccessibilityNotesText",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "EditedSinceRecipeUtc",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "LawfulBasisText",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "OutOfHoursPhone",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "OutOfHoursText",
                table: "Boards");

            migrationBuilder.DropColumn(
                name: "PartnersText",
                table: "Boards");
        }
    }
}
