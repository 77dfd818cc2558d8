using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InspectReady.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_CampaignId_Status",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Queue",
                table: "Tasks",
                columns: new[] { "CampaignId", "Status", "Removed", "GroupKey", "UnitId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Queue",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_CampaignId_Status",
                table: "Tasks",
                columns: new[] { "CampaignId", "Status" });
        }
    }
}
