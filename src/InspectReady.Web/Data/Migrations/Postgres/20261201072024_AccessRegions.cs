using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InspectReady.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RegionId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            // ADR 0017: an account takes its unit's region; accounts without a unit (the office, inspectors) take the
            // only top-level region when there is exactly one, else stay unset until an administrator sets it.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "RegionId" = (SELECT u."RegionId" FROM "Units" u WHERE u."Id" = "AspNetUsers"."UnitId")
                WHERE "UnitId" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "RegionId" = (SELECT r."Id" FROM "Regions" r WHERE r."ParentId" IS NULL)
                WHERE "UnitId" IS NULL AND (SELECT COUNT(*) FROM "Regions" r WHERE r."ParentId" IS NULL) = 1;
                """);
            // A group entry leads nobody: where several units of a group were all made lead, none is.
            migrationBuilder.Sql("""
                UPDATE "Tasks" SET "IsLead" = false
                WHERE "IsLead" = true AND ("CampaignId", "GroupKey") IN
                    (SELECT "CampaignId", "GroupKey" FROM "Tasks" WHERE "IsLead" = true GROUP BY "CampaignId", "GroupKey" HAVING COUNT(*) > 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "AspNetUsers");
        }
    }
}
