using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>
/// A roadshow's cover image (a media asset id), and the key a recipe gives a library image so other
/// recipe steps can refer to it. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261122000017_RoadshowCoversAndMediaRecipeKeys")]
public sealed class RoadshowCoversAndMediaRecipeKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(
            name: "CoverImageId",
            table: "Roadshows",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "RecipeKey",
            table: "MediaAssets",
            maxLength: 100,
            nullable: true);

        migrationBuilder.CreateIndex(
            name: "IX_MediaAssets_BoardId_RecipeKey",
            table: "MediaAssets",
            columns: ["BoardId", "RecipeKey"],
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_MediaAssets_BoardId_RecipeKey", table: "MediaAssets");
        migrationBuilder.DropColumn(name: "RecipeKey", table: "MediaAssets");
        migrationBuilder.DropColumn(name: "CoverImageId", table: "Roadshows");
    }
}
