using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScalePagesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseProgress_BoardId",
                table: "CaseProgress");

            migrationBuilder.DropIndex(
                name: "IX_CaseProgress_CompletedUtc_ModuleId_UserId_BoardId",
                table: "CaseProgress");

            migrationBuilder.CreateIndex(
                name: "IX_CaseProgress_BoardId_ModuleId_UserId_CompletedUtc",
                table: "CaseProgress",
                columns: new[] { "BoardId", "ModuleId", "UserId", "CompletedUtc" });

            // A person's data (export and erasure) finds their bookings and mail by the address they gave, compared
            // lower-cased (EF's ToLower() is lower() on both providers). Without these, every board's 5,000,000 bookings
            // were scanned for one person (issue 22: 938 ms → 5 ms). EF Core's model cannot state an index on an
            // expression, so they are made here, in the same SQL on SQLite and PostgreSQL, and are not in the snapshot.
            migrationBuilder.Sql("CREATE INDEX \"IX_Bookings_BoardId_LowerEmail\" ON \"Bookings\" (\"BoardId\", lower(\"Email\"));");
            migrationBuilder.Sql("CREATE INDEX \"IX_OutboxMessages_BoardId_LowerToAddress\" ON \"OutboxMessages\" (\"BoardId\", lower(\"ToAddress\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_OutboxMessages_BoardId_LowerToAddress\";");
            migrationBuilder.Sql("DROP INDEX \"IX_Bookings_BoardId_LowerEmail\";");

            migrationBuilder.DropIndex(
                name: "IX_CaseProgress_BoardId_ModuleId_UserId_CompletedUtc",
                table: "CaseProgress");

            migrationBuilder.CreateIndex(
                name: "IX_CaseProgress_BoardId",
                table: "CaseProgress",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseProgress_CompletedUtc_ModuleId_UserId_BoardId",
                table: "CaseProgress",
                columns: new[] { "CompletedUtc", "ModuleId", "UserId", "BoardId" });
        }
    }
}
