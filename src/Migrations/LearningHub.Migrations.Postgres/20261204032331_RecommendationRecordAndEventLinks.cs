using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecommendationRecordAndEventLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "CaseRecommendationUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRecommendationUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRecommendationUpdates_Agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecommendationUpdates_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseRecommendationUpdates_CaseModules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "CaseModules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventLearningLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecommendationNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventLearningLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventLearningLinks_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EventLearningLinks_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecommendationUpdates_BoardId",
                table: "CaseRecommendationUpdates",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecommendationUpdates_ModuleId_Number_RecordedUtc",
                table: "CaseRecommendationUpdates",
                columns: new[] { "ModuleId", "Number", "RecordedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecommendationUpdates_OwnerAgencyId",
                table: "CaseRecommendationUpdates",
                column: "OwnerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_EventLearningLinks_BoardId_ModuleKey_RecommendationNumber",
                table: "EventLearningLinks",
                columns: new[] { "BoardId", "ModuleKey", "RecommendationNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_EventLearningLinks_EventId",
                table: "EventLearningLinks",
                column: "EventId");
            // The modules events linked as comma-separated keys become link rows, in the order they were written
            // (a key written twice becomes one link); then the text column goes.
            migrationBuilder.Sql("""
INSERT INTO "EventLearningLinks" ("Id", "BoardId", "EventId", "ModuleKey", "RecommendationNumber", "Position")
SELECT gen_random_uuid(), e."BoardId", e."Id", trim(k.raw), NULL, (MIN(k.ord) - 1)::int
FROM "Events" e, LATERAL unnest(string_to_array(e."LinkedModuleKeys", ',')) WITH ORDINALITY AS k(raw, ord)
WHERE trim(k.raw) <> ''
GROUP BY e."BoardId", e."Id", trim(k.raw);
""");

            migrationBuilder.DropColumn(
                name: "LinkedModuleKeys",
                table: "Events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseRecommendationUpdates");

            migrationBuilder.DropTable(
                name: "EventLearningLinks");

            migrationBuilder.AddColumn<string>(
                name: "LinkedModuleKeys",
                table: "Events",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");
        }
    }
}
