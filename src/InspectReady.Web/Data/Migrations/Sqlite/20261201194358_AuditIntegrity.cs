using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InspectReady.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 48,
                nullable: false,
                defaultValue: "");

            // INSERT OR REPLACE deletes the conflicting row without firing the delete trigger (no recursive_triggers):
            // refuse any insert whose id or sequence already exists, so no entry is replaced or re-numbered (ADR 0040).
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_no_replace BEFORE INSERT ON AuditEntries "
                + "WHEN EXISTS (SELECT 1 FROM AuditEntries WHERE Id = NEW.Id) OR EXISTS (SELECT 1 FROM AuditEntries WHERE Sequence = NEW.Sequence) "
                + "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_no_replace;");
            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditEntries");
        }
    }
}
