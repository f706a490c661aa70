using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Web.Data.Migrations;

/// <summary>
/// How a board signs in to its SMTP server (none, password, OAuth 2.0 client credentials) and the
/// OAuth settings, the client secret encrypted like the password. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(LearningHubDbContext))]
[Migration("20261203000018_MailOAuth")]
public sealed class MailOAuth : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Authentication", table: "BoardMailSettings", maxLength: 30, nullable: false, defaultValue: "None");
        migrationBuilder.AddColumn<string>(name: "OAuthTokenEndpoint", table: "BoardMailSettings", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>(name: "OAuthClientId", table: "BoardMailSettings", maxLength: 256, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ProtectedOAuthClientSecret", table: "BoardMailSettings", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "OAuthScope", table: "BoardMailSettings", maxLength: 500, nullable: true);
        // Until now a user name meant "sign in with the password": keep those boards signing in.
        migrationBuilder.Sql("""UPDATE "BoardMailSettings" SET "Authentication" = 'Password' WHERE "UserName" IS NOT NULL""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Authentication", table: "BoardMailSettings");
        migrationBuilder.DropColumn(name: "OAuthTokenEndpoint", table: "BoardMailSettings");
        migrationBuilder.DropColumn(name: "OAuthClientId", table: "BoardMailSettings");
        migrationBuilder.DropColumn(name: "ProtectedOAuthClientSecret", table: "BoardMailSettings");
        migrationBuilder.DropColumn(name: "OAuthScope", table: "BoardMailSettings");
    }
}
