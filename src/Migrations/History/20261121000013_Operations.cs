using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>
/// Operations: the audit log (append-only, see AuditEntryGuard) and the data-protection key ring shared
/// by every node. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000013_Operations")]
public sealed class Operations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                OccurredUtc = table.Column<DateTime>(nullable: false),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: true),
                ActorName = table.Column<string>(maxLength: 200, nullable: false),
                TargetType = table.Column<string>(maxLength: 60, nullable: false),
                TargetId = table.Column<string>(maxLength: 100, nullable: false),
                TargetLabel = table.Column<string>(maxLength: 300, nullable: true),
                ChangesJson = table.Column<string>(nullable: true),
                RequestId = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
                table.ForeignKey(
                    name: "FK_AuditEntries_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_BoardId_OccurredUtc",
            table: "AuditEntries",
            columns: new[] { "BoardId", "OccurredUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_BoardId_TargetType_TargetId",
            table: "AuditEntries",
            columns: new[] { "BoardId", "TargetType", "TargetId" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
    }
}
