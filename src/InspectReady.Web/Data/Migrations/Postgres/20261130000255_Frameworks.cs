using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InspectReady.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Frameworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Frameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsBuiltIn = table.Column<bool>(type: "boolean", nullable: false),
                    DefaultCutoff = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Frameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkMappings",
                columns: table => new
                {
                    FromFrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToFrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromNo = table.Column<int>(type: "integer", nullable: false),
                    ToNo = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkMappings", x => new { x.FromFrameworkId, x.ToFrameworkId, x.FromNo });
                    table.ForeignKey(
                        name: "FK_FrameworkMappings_Frameworks_FromFrameworkId",
                        column: x => x.FromFrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FrameworkMappings_Frameworks_ToFrameworkId",
                        column: x => x.ToFrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkNodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Methods = table.Column<List<string>>(type: "text[]", nullable: false),
                    Materials = table.Column<string>(type: "text", nullable: true),
                    Units = table.Column<List<string>>(type: "text[]", nullable: false),
                    MaterialsGroup = table.Column<List<int>>(type: "integer[]", nullable: true),
                    CorrectedItems = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkNodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkNodes_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkMappings_ToFrameworkId",
                table: "FrameworkMappings",
                column: "ToFrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkNodes_FrameworkId_No",
                table: "FrameworkNodes",
                columns: new[] { "FrameworkId", "No" });

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkNodes_FrameworkId_ParentId_Order",
                table: "FrameworkNodes",
                columns: new[] { "FrameworkId", "ParentId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Frameworks_Code",
                table: "Frameworks",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FrameworkMappings");

            migrationBuilder.DropTable(
                name: "FrameworkNodes");

            migrationBuilder.DropTable(
                name: "Frameworks");
        }
    }
}
