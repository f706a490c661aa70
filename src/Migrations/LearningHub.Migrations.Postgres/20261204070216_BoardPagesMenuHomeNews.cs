using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardPagesMenuHomeNews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BoardPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    DraftVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    MenuPosition = table.Column<int>(type: "integer", nullable: true),
                    RecipeKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    EditedSinceRecipe = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Introduction = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    Modules = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChosenModules = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Events = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChosenEvents = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EditedSinceRecipe = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    ImageId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecipeKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    EditedSinceRecipe = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                name: "BoardPageVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    PageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "BoardPages");
        }
    }
}
