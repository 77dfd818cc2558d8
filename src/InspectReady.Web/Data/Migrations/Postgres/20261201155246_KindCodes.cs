using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

// The data mapping lives in Data/Migrations/KindCodeMappings.cs, shared by both providers (ADR 0036).

namespace InspectReady.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KindCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only: kinds stored as Chinese labels become English codes.
            KindCodeMappings.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            KindCodeMappings.Down(migrationBuilder);
        }
    }
}
