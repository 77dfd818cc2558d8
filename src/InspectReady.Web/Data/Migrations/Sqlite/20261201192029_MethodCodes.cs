using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

// The data mapping lives in Data/Migrations/MethodCodeMappings.cs, shared by both providers (ADR 0036).

namespace InspectReady.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MethodCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only: evaluation methods stored as Chinese labels become English codes.
            MethodCodeMappings.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MethodCodeMappings.Down(migrationBuilder, postgres: false);
        }
    }
}
