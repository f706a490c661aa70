using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddressIndexesLeadWithTheAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The lower-cased address indexes (a person's data: ScalePagesIndexes, AuditSearchIndexes) now lead with the
            // address. Led by the board's id, SQLite, which keeps no statistics, took them for any query on the board's
            // rows (the board's filter is on every query): a booking decision read every booking the board had ever taken
            // (bench/README.md, "Session 22"; BookingQueryTests). Finding a person's rows by address within a board
            // uses both columns either way, on both providers. Made before the old ones go, in the same transaction.
            migrationBuilder.Sql("CREATE INDEX \"IX_Bookings_LowerEmail_BoardId\" ON \"Bookings\" (lower(\"Email\"), \"BoardId\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_OutboxMessages_LowerToAddress_BoardId\" ON \"OutboxMessages\" (lower(\"ToAddress\"), \"BoardId\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_FormSubmissions_LowerRespondentEmail_BoardId\" ON \"FormSubmissions\" (lower(\"RespondentEmail\"), \"BoardId\");");
            migrationBuilder.Sql("DROP INDEX \"IX_Bookings_BoardId_LowerEmail\";");
            migrationBuilder.Sql("DROP INDEX \"IX_OutboxMessages_BoardId_LowerToAddress\";");
            migrationBuilder.Sql("DROP INDEX \"IX_FormSubmissions_BoardId_LowerRespondentEmail\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX \"IX_Bookings_BoardId_LowerEmail\" ON \"Bookings\" (\"BoardId\", lower(\"Email\"));");
            migrationBuilder.Sql("CREATE INDEX \"IX_OutboxMessages_BoardId_LowerToAddress\" ON \"OutboxMessages\" (\"BoardId\", lower(\"ToAddress\"));");
            migrationBuilder.Sql("CREATE INDEX \"IX_FormSubmissions_BoardId_LowerRespondentEmail\" ON \"FormSubmissions\" (\"BoardId\", lower(\"RespondentEmail\"));");
            migrationBuilder.Sql("DROP INDEX \"IX_Bookings_LowerEmail_BoardId\";");
            migrationBuilder.Sql("DROP INDEX \"IX_OutboxMessages_LowerToAddress_BoardId\";");
            migrationBuilder.Sql("DROP INDEX \"IX_FormSubmissions_LowerRespondentEmail_BoardId\";");
        }
    }
}
