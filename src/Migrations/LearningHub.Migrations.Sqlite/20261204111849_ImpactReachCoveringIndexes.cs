using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImpactReachCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseProgress_CompletedUtc_ModuleId_UserId_BoardId",
                table: "CaseProgress",
                columns: new[] { "CompletedUtc", "ModuleId", "UserId", "BoardId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_EventId_Attendance_UserId_BoardId",
                table: "Bookings",
                columns: new[] { "EventId", "Attendance", "UserId", "BoardId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseProgress_CompletedUtc_ModuleId_UserId_BoardId",
                table: "CaseProgress");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_EventId_Attendance_UserId_BoardId",
                table: "Bookings");
        }
    }
}
