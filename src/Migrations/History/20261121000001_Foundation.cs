using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LearningHub.Migrations.History;

/// <summary>
/// The foundation's schema: boards, their lists (agencies, localities, themes, topics), role
/// permissions, recipe runs and Identity accounts. Hand-written (EF's design-time package could not be restored here until 2026-12-03) and
/// provider-neutral: column types come from each provider's mapping of the CLR type, and each
/// provider reads only its own annotations. SchemaMatchesModelTests proves it equals the model.
/// </summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261121000001_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Boards",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Slug = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ShortName = table.Column<string>(maxLength: 20, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: true),
                ContactEmail = table.Column<string>(maxLength: 256, nullable: false),
                ContactPhone = table.Column<string>(maxLength: 40, nullable: true),
                WebsiteUrl = table.Column<string>(maxLength: 400, nullable: true),
                ThemeName = table.Column<string>(maxLength: 60, nullable: false),
                LogoText = table.Column<string>(maxLength: 60, nullable: true),
                FooterText = table.Column<string>(maxLength: 1000, nullable: true),
                WaitlistOfferHours = table.Column<int>(nullable: false),
                ReminderDaysBefore = table.Column<int>(nullable: false),
                CancellationCutoffWorkingDays = table.Column<int>(nullable: false),
                FollowUpDays = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Boards", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "RecipeRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecipeName = table.Column<string>(maxLength: 200, nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                BoardId = table.Column<Guid>(nullable: true),
                AppliedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecipeRuns", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Agencies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Sector = table.Column<string>(maxLength: 40, nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 80, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agencies", x => x.Id);
                table.ForeignKey(
                    name: "FK_Agencies_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "BoardRolePermissions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                Permission = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BoardRolePermissions", x => x.Id);
                table.ForeignKey(
                    name: "FK_BoardRolePermissions_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "LearningThemes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: true),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 80, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LearningThemes", x => x.Id);
                table.ForeignKey(
                    name: "FK_LearningThemes_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Localities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 80, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Localities", x => x.Id);
                table.ForeignKey(
                    name: "FK_Localities_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Topics",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 80, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Topics", x => x.Id);
                table.ForeignKey(
                    name: "FK_Topics_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                FullName = table.Column<string>(maxLength: 200, nullable: false),
                AgencyId = table.Column<Guid>(nullable: true),
                JobRole = table.Column<string>(maxLength: 200, nullable: true),
                LocalityId = table.Column<Guid>(nullable: true),
                LineManagerEmail = table.Column<string>(maxLength: 256, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Agencies_AgencyId",
                    column: x => x.AgencyId,
                    principalTable: "Agencies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Boards_BoardId",
                    column: x => x.BoardId,
                    principalTable: "Boards",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Localities_LocalityId",
                    column: x => x.LocalityId,
                    principalTable: "Localities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Agencies_BoardId_Key",
            table: "Agencies",
            columns: new[] { "BoardId", "Key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            columns: new[] { "BoardId", "NormalizedEmail" });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_AgencyId",
            table: "AspNetUsers",
            column: "AgencyId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_LocalityId",
            table: "AspNetUsers",
            column: "LocalityId");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            columns: new[] { "BoardId", "NormalizedUserName" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_BoardRolePermissions_BoardId_Role_Permission",
            table: "BoardRolePermissions",
            columns: new[] { "BoardId", "Role", "Permission" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Boards_Slug",
            table: "Boards",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_LearningThemes_BoardId_Key",
            table: "LearningThemes",
            columns: new[] { "BoardId", "Key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Localities_BoardId_Key",
            table: "Localities",
            columns: new[] { "BoardId", "Key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RecipeRuns_BoardId",
            table: "RecipeRuns",
            column: "BoardId");

        migrationBuilder.CreateIndex(
            name: "IX_Topics_BoardId_Key",
            table: "Topics",
            columns: new[] { "BoardId", "Key" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "Topics");
        migrationBuilder.DropTable(name: "Localities");
        migrationBuilder.DropTable(name: "LearningThemes");
        migrationBuilder.DropTable(name: "BoardRolePermissions");
        migrationBuilder.DropTable(name: "Agencies");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "RecipeRuns");
        migrationBuilder.DropTable(name: "Boards");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
