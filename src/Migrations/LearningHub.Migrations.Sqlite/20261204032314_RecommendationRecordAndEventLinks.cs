using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecommendationNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
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
WITH RECURSIVE split("EventId", "BoardId", "Position", "Item", "Rest") AS (
    SELECT "Id", "BoardId", -1, NULL, "LinkedModuleKeys" || ',' FROM "Events" WHERE trim("LinkedModuleKeys") <> ''
    UNION ALL
    SELECT "EventId", "BoardId", "Position" + 1, trim(substr("Rest", 1, instr("Rest", ',') - 1)), substr("Rest", instr("Rest", ',') + 1)
    FROM split WHERE "Rest" <> ''
)
INSERT INTO "EventLearningLinks" ("Id", "BoardId", "EventId", "ModuleKey", "RecommendationNumber", "Position")
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
             || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       "BoardId", "EventId", "Item", NULL, MIN("Position")
FROM split WHERE "Item" IS NOT NULL AND "Item" <> ''
GROUP BY "EventId", "BoardId", "Item";
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
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");
        }
    }
}
