using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InspectReady.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditEntries",
                type: "character varying(48)",
                maxLength: 48,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditEntries");
        }
    }
}
