using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>An event's cover image (a media asset id). Hand-written, provider-neutral.</summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261122000014_EventCoverImages")]
public sealed class EventCoverImages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(
            name: "CoverImageId",
            table: "Events",
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "CoverImageId", table: "Events");
    }
}
