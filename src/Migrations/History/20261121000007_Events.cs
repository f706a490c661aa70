using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>Events, roadshows and bookings. Hand-written, provider-neutral.</summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000007_Events")]
public sealed class Events : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Roadshows",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 8000, nullable: false),
                ThemeId = table.Column<Guid>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Roadshows", x => x.Id);
                table.ForeignKey(
                    name: "FK_Roadshows_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Events",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: true),
                RoadshowId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 8000, nullable: false),
                Format = table.Column<string>(maxLength: 20, nullable: false),
                Venue = table.Column<string>(maxLength: 500, nullable: true),
                JoiningLink = table.Column<string>(maxLength: 500, nullable: true),
                LocalityId = table.Column<Guid>(nullable: true),
                ThemeId = table.Column<Guid>(nullable: true),
                StartUtc = table.Column<DateTime>(nullable: false),
                EndUtc = table.Column<DateTime>(nullable: false),
                Capacity = table.Column<int>(nullable: false),
                BookingOpensUtc = table.Column<DateTime>(nullable: true),
                BookingClosesUtc = table.Column<DateTime>(nullable: true),
                CancellationCutoffUtc = table.Column<DateTime>(nullable: true),
                RequiresApproval = table.Column<bool>(nullable: false),
                WaitingListEnabled = table.Column<bool>(nullable: false),
                AudienceSectors = table.Column<string>(maxLength: 400, nullable: false),
                LinkedModuleKeys = table.Column<string>(maxLength: 1000, nullable: false),
                AttendanceCountsTowardModules = table.Column<bool>(nullable: false),
                Facilitators = table.Column<string>(maxLength: 500, nullable: true),
                BookingQuestion = table.Column<string>(maxLength: 300, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Revision = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Events", x => x.Id);
                table.ForeignKey(
                    name: "FK_Events_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Events_Roadshows_RoadshowId",
                    column: x => x.RoadshowId,
                    principalTable: "Roadshows",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Bookings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                EventId = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 20, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                ActiveUserId = table.Column<string>(maxLength: 450, nullable: true),
                FullName = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                AgencyName = table.Column<string>(maxLength: 200, nullable: true),
                Sector = table.Column<string>(maxLength: 40, nullable: true),
                JobRole = table.Column<string>(maxLength: 200, nullable: true),
                LocalityName = table.Column<string>(maxLength: 200, nullable: true),
                LineManagerEmail = table.Column<string>(maxLength: 256, nullable: true),
                Answer = table.Column<string>(maxLength: 2000, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                WaitlistPosition = table.Column<int>(nullable: true),
                OfferExpiresUtc = table.Column<DateTime>(nullable: true),
                HoldExpiresUtc = table.Column<DateTime>(nullable: true),
                ApprovalNonce = table.Column<string>(maxLength: 64, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ConfirmedUtc = table.Column<DateTime>(nullable: true),
                CancelledUtc = table.Column<DateTime>(nullable: true),
                CancelledBy = table.Column<string>(maxLength: 200, nullable: true),
                CalendarSequence = table.Column<int>(nullable: false),
                IsWalkIn = table.Column<bool>(nullable: false),
                Attendance = table.Column<string>(maxLength: 20, nullable: true),
                AttendanceSource = table.Column<string>(maxLength: 20, nullable: true),
                AttendanceRecordedBy = table.Column<string>(maxLength: 200, nullable: true),
                AttendanceRecordedUtc = table.Column<DateTime>(nullable: true),
                CheckedInUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Bookings", x => x.Id);
                table.ForeignKey(
                    name: "FK_Bookings_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Bookings_Events_EventId",
                    column: x => x.EventId,
                    principalTable: "Events",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_BoardId_Reference",
            table: "Bookings",
            columns: new[] { "BoardId", "Reference" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_EventId_ActiveUserId",
            table: "Bookings",
            columns: new[] { "EventId", "ActiveUserId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_EventId_Status",
            table: "Bookings",
            columns: new[] { "EventId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_Status_HoldExpiresUtc",
            table: "Bookings",
            columns: new[] { "Status", "HoldExpiresUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_Status_OfferExpiresUtc",
            table: "Bookings",
            columns: new[] { "Status", "OfferExpiresUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_UserId",
            table: "Bookings",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_Events_BoardId_Key",
            table: "Events",
            columns: new[] { "BoardId", "Key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Events_RoadshowId",
            table: "Events",
            column: "RoadshowId");

        migrationBuilder.CreateIndex(
            name: "IX_Events_Status_StartUtc",
            table: "Events",
            columns: new[] { "Status", "StartUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Roadshows_BoardId_Key",
            table: "Roadshows",
            columns: new[] { "BoardId", "Key" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Bookings");
        migrationBuilder.DropTable(name: "Events");
        migrationBuilder.DropTable(name: "Roadshows");
    }
}
