using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>The notifications module: the mail outbox and each board's mail settings. Hand-written, provider-neutral.</summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000002_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "BoardMailSettings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Transport = table.Column<string>(maxLength: 20, nullable: false),
                Host = table.Column<string>(maxLength: 255, nullable: true),
                Port = table.Column<int>(nullable: false),
                Security = table.Column<string>(maxLength: 20, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                ProtectedPassword = table.Column<string>(maxLength: 2000, nullable: true),
                FromAddress = table.Column<string>(maxLength: 256, nullable: true),
                FromName = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BoardMailSettings", x => x.Id);
                table.ForeignKey(
                    name: "FK_BoardMailSettings_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                DedupeKey = table.Column<string>(maxLength: 200, nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: false),
                ToAddress = table.Column<string>(maxLength: 256, nullable: false),
                ToName = table.Column<string>(maxLength: 200, nullable: false),
                Subject = table.Column<string>(maxLength: 400, nullable: false),
                TextBody = table.Column<string>(nullable: false),
                HtmlBody = table.Column<string>(nullable: false),
                AttachmentName = table.Column<string>(maxLength: 200, nullable: true),
                AttachmentContentType = table.Column<string>(maxLength: 100, nullable: true),
                AttachmentContent = table.Column<string>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptUtc = table.Column<DateTime>(nullable: false),
                LockedUntilUtc = table.Column<DateTime>(nullable: true),
                ClaimToken = table.Column<Guid>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SentUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                table.ForeignKey(
                    name: "FK_OutboxMessages_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_BoardMailSettings_BoardId",
            table: "BoardMailSettings",
            column: "BoardId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_BoardId_DedupeKey",
            table: "OutboxMessages",
            columns: new[] { "BoardId", "DedupeKey" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_ClaimToken",
            table: "OutboxMessages",
            column: "ClaimToken");

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_Status_NextAttemptUtc",
            table: "OutboxMessages",
            columns: new[] { "Status", "NextAttemptUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OutboxMessages");
        migrationBuilder.DropTable(name: "BoardMailSettings");
    }
}
