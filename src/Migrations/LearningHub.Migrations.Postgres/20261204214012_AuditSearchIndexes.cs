using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Postgres
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

            // Substring search in the audit log: trigram indexes on lower-cased text, which PostgreSQL uses for
            // lower(...) LIKE '%…%'. Without them each search read the board's whole log (issue 22). The audit page
            // searches the actor's name and the label; a person's data export and erasure look for their name and
            // address in the three texts joined, exactly as AccountPersonalData.AboutThem joins them (one index for
            // all three: 4 ms for a common name, against 17 ms with an index a text). The board leads each index
            // (btree_gin lets a GIN index hold it), so a name common across the country finds only this board's.
            // pg_trgm and btree_gin ship with PostgreSQL and are trusted extensions: the database's owner may create them.
            // EF Core's model cannot state an index on an expression, so these are not in the snapshot.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_BoardId_LowerActorName_Trigram\" ON \"AuditEntries\" USING gin (\"BoardId\", lower(\"ActorName\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_BoardId_LowerTargetLabel_Trigram\" ON \"AuditEntries\" USING gin (\"BoardId\", lower(\"TargetLabel\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_BoardId_LowerSearchText_Trigram\" ON \"AuditEntries\" USING gin (\"BoardId\", lower(\"ActorName\" || ' ' || COALESCE(\"TargetLabel\", '') || ' ' || COALESCE(\"ChangesJson\", '')) gin_trgm_ops);");

            // The planner knows how often a text occurs only from statistics on the indexed expressions, which ANALYZE
            // gathers; until then it took "Chris Coordinator" (a million entries) for rare and read them all through the
            // index: 350 ms, against 1 ms after ANALYZE.
            migrationBuilder.Sql("ANALYZE \"AuditEntries\", \"FormSubmissions\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The extensions stay: other objects may have come to use them.
            migrationBuilder.Sql("DROP INDEX \"IX_AuditEntries_BoardId_LowerSearchText_Trigram\";");
            migrationBuilder.Sql("DROP INDEX \"IX_AuditEntries_BoardId_LowerTargetLabel_Trigram\";");
            migrationBuilder.Sql("DROP INDEX \"IX_AuditEntries_BoardId_LowerActorName_Trigram\";");
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
