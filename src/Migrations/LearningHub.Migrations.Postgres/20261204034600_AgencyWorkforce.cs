using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningHub.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgencyWorkforce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Workforce",
                table: "Agencies",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Workforce",
                table: "Agencies");
        }
    }
}
