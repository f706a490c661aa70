using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FormResponseReceipts_BoardId",
                table: "FormResponseReceipts");

            migrationBuilder.CreateIndex(
                name: "IX_FormResponseReceipts_BoardId_UserId",
                table: "FormResponseReceipts",
                columns: new[] { "BoardId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_BoardId_ActorUserId",
                table: "AuditEntries",
                columns: new[] { "BoardId", "ActorUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_BoardId_TargetId",
                table: "AuditEntries",
                columns: new[] { "BoardId", "TargetId" });

            // A person's data export and erasure find the form answers they gave without signing in by the address
            // they gave, compared lower-cased, as ScalePagesIndexes does for bookings and mail: without it each export
            // read the board's 20,000 submissions (issue 22). An expression, so made here, on both providers.
            migrationBuilder.Sql("CREATE INDEX \"IX_FormSubmissions_BoardId_LowerRespondentEmail\" ON \"FormSubmissions\" (\"BoardId\", lower(\"RespondentEmail\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_FormSubmissions_BoardId_LowerRespondentEmail\";");

            migrationBuilder.DropIndex(
                name: "IX_FormResponseReceipts_BoardId_UserId",
                table: "FormResponseReceipts");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_BoardId_ActorUserId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_BoardId_TargetId",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_FormResponseReceipts_BoardId",
                table: "FormResponseReceipts",
                column: "BoardId");
        }
    }
}
