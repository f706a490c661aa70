using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Postgres
{
    /// <summary>
    /// A person's data export and erasure find the audit entries that give their address or name by words, not by
    /// trigrams (issue 22; AccountPersonalData.AboutThem). The trigram index on the entry's three texts joined had to
    /// read long posting lists for every address (each trigram of "@kent.example" is in most of a board's entries:
    /// 10 ms for an address found nowhere), and for a common name it found every namesake's account entries, which
    /// the export then dropped (3,000 entries read for "Aisha Ahmed": 22 ms). PostgreSQL's text search parser keeps
    /// an address as one word, so an address is one short posting list (0.1 ms); the names are searched only in
    /// entries that are not about an account, the only ones a name alone may place in someone's export (0.2 ms).
    /// SQLite has no such index and reads the board's entries as before, so this migration is PostgreSQL's only.
    /// Every text index on the log is written as each entry is (<c>fastupdate = off</c>): by default GIN queues new
    /// entries in a pending list that every search reads through, and the log is written all day (21,000 entries
    /// queued made each export's address search 3.3 ms instead of 0.03 ms, and the audit page's name search slower as
    /// the day went on). Writing them at once costs about 0.15 ms an entry for the four indexes, against 0.03 ms
    /// queued, and no request ever pays for emptying a full list.
    /// The expressions must stay exactly as AboutThem writes them, or PostgreSQL reads the board's log again
    /// (PostgresAuditSearchTests reads the plans). EF Core's model cannot state an index on an expression, so these
    /// are not in the snapshot.
    /// </summary>
    public partial class AuditWordSearch : Migration
    {
        /// <summary>The audit page's indexes (AuditSearchIndexes).</summary>
        private static readonly string[] TrigramIndexes =
            ["IX_AuditEntries_BoardId_LowerActorName_Trigram", "IX_AuditEntries_BoardId_LowerTargetLabel_Trigram"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_AuditEntries_BoardId_LowerSearchText_Trigram\";");
            // Addresses: one person's alone, so not led by the board (a shorter index; the board is checked on the few rows found).
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_SearchText_Words\" ON \"AuditEntries\" USING gin (to_tsvector('simple'::regconfig, \"ActorName\" || ' ' || COALESCE(\"TargetLabel\", '') || ' ' || COALESCE(\"ChangesJson\", ''))) WITH (fastupdate = off);");
            // Names: common across the country, so led by the board (btree_gin, from AuditSearchIndexes).
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_BoardId_SearchText_Words_NotAccounts\" ON \"AuditEntries\" USING gin (\"BoardId\", to_tsvector('simple'::regconfig, \"ActorName\" || ' ' || COALESCE(\"TargetLabel\", '') || ' ' || COALESCE(\"ChangesJson\", ''))) WITH (fastupdate = off) WHERE \"TargetType\" <> 'Account';");
            foreach (var trigramIndex in TrigramIndexes)
            {
                migrationBuilder.Sql($"ALTER INDEX \"{trigramIndex}\" SET (fastupdate = off);");
                migrationBuilder.Sql($"SELECT gin_clean_pending_list('\"{trigramIndex}\"'::regclass);");
            }

            migrationBuilder.Sql("ANALYZE \"AuditEntries\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigramIndex in TrigramIndexes)
            {
                migrationBuilder.Sql($"ALTER INDEX \"{trigramIndex}\" RESET (fastupdate);");
            }

            migrationBuilder.Sql("DROP INDEX \"IX_AuditEntries_BoardId_SearchText_Words_NotAccounts\";");
            migrationBuilder.Sql("DROP INDEX \"IX_AuditEntries_SearchText_Words\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_AuditEntries_BoardId_LowerSearchText_Trigram\" ON \"AuditEntries\" USING gin (\"BoardId\", lower(\"ActorName\" || ' ' || COALESCE(\"TargetLabel\", '') || ' ' || COALESCE(\"ChangesJson\", '')) gin_trgm_ops);");
        }
    }
}
