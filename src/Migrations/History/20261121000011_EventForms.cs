using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>
/// An event's baseline, evaluation and follow-up forms (by the Forms module's keys), the follow-up's delay
/// and line-manager copy, and who closed the register and when. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000011_EventForms")]
public sealed class EventForms : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "BaselineFormKey", table: "Events", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "EvaluationFormKey", table: "Events", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "FollowUpFormKey", table: "Events", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<int>(name: "FollowUpDays", table: "Events", nullable: true);
        // Existing events get false; the model declares the same default (SQLite cannot drop a column default without a rebuild).
        migrationBuilder.AddColumn<bool>(name: "FollowUpToLineManager", table: "Events", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>(name: "RegisterClosedUtc", table: "Events", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RegisterClosedBy", table: "Events", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "BaselineFormKey", "EvaluationFormKey", "FollowUpFormKey", "FollowUpDays", "FollowUpToLineManager", "RegisterClosedUtc", "RegisterClosedBy" })
        {
            migrationBuilder.DropColumn(name: column, table: "Events");
        }
    }
}
