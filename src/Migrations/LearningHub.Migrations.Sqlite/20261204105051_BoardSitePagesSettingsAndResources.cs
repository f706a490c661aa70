using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardSitePagesSettingsAndResources : Migration
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
                name: "BoardPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DraftVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MenuPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    RecipeKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    EditedSinceRecipeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardPages_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomePageBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Modules = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChosenModules = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Events = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChosenEvents = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EditedSinceRecipeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomePageBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomePageBlocks_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NewsItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    ImageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecipeKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    EditedSinceRecipeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsItems_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuickLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuickLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuickLinks_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "BoardPageVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardPageVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardPageVersions_BoardPages_PageId",
                        column: x => x.PageId,
                        principalTable: "BoardPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoardPageVersions_Boards_BoardId",
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
                name: "IX_BoardPages_BoardId_RecipeKey",
                table: "BoardPages",
                columns: new[] { "BoardId", "RecipeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardPages_BoardId_Slug",
                table: "BoardPages",
                columns: new[] { "BoardId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardPageVersions_BoardId",
                table: "BoardPageVersions",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardPageVersions_PageId_Number",
                table: "BoardPageVersions",
                columns: new[] { "PageId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomePageBlocks_BoardId",
                table: "HomePageBlocks",
                column: "BoardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_BoardId_Date",
                table: "NewsItems",
                columns: new[] { "BoardId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_BoardId_RecipeKey",
                table: "NewsItems",
                columns: new[] { "BoardId", "RecipeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuickLinks_BoardId_Position",
                table: "QuickLinks",
                columns: new[] { "BoardId", "Position" });

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
                name: "BoardPageVersions");

            migrationBuilder.DropTable(
                name: "HomePageBlocks");

            migrationBuilder.DropTable(
                name: "NewsItems");

            migrationBuilder.DropTable(
                name: "QuickLinks");

            migrationBuilder.DropTable(
                name: "ResourceThemes");

            migrationBuilder.DropTable(
                name: "BoardPages");

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
