using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InspectReady.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Exams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidUntil",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CivilServiceEntryOn",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnforcementCertificate",
                table: "People",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExamCategories",
                table: "People",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PromotedOn",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rank",
                table: "People",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExamQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LawVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsReview = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamQuestions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Exams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Blueprint = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MultipleScoring = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    PassScore = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    WaveSize = table.Column<int>(type: "INTEGER", nullable: false),
                    WaveSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DoubleGrading = table.Column<bool>(type: "INTEGER", nullable: false),
                    GradingTolerance = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Graders = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Exams_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEvents_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    PerUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    Share = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    PersonIds = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamDraws_Exams_ExamId",
                        column: x => x.ExamId,
                        principalTable: "Exams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Examinees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AccessCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartAfter = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedHow = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaveCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PasteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectiveScore = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    SubjectiveScore = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    PaperSeed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Examinees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Examinees_Exams_ExamId",
                        column: x => x.ExamId,
                        principalTable: "Exams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendance",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendance", x => new { x.EventId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "TrainingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExamPaperItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExamineeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Cell = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Awarded = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Marks = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamPaperItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamPaperItems_Examinees_ExamineeId",
                        column: x => x.ExamineeId,
                        principalTable: "Examinees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExamDraws_ExamId",
                table: "ExamDraws",
                column: "ExamId");

            migrationBuilder.CreateIndex(
                name: "IX_Examinees_AccessCode",
                table: "Examinees",
                column: "AccessCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Examinees_ExamId_PersonId",
                table: "Examinees",
                columns: new[] { "ExamId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Examinees_ExamId_UnitId",
                table: "Examinees",
                columns: new[] { "ExamId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExamPaperItems_ExamineeId_Position",
                table: "ExamPaperItems",
                columns: new[] { "ExamineeId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamPaperItems_QuestionId",
                table: "ExamPaperItems",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamQuestions_RegionId_Type_Source",
                table: "ExamQuestions",
                columns: new[] { "RegionId", "Type", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_Exams_RegionId",
                table: "Exams",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_PersonId",
                table: "TrainingAttendance",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEvents_RegionId_Date",
                table: "TrainingEvents",
                columns: new[] { "RegionId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExamDraws");

            migrationBuilder.DropTable(
                name: "ExamPaperItems");

            migrationBuilder.DropTable(
                name: "ExamQuestions");

            migrationBuilder.DropTable(
                name: "TrainingAttendance");

            migrationBuilder.DropTable(
                name: "Examinees");

            migrationBuilder.DropTable(
                name: "TrainingEvents");

            migrationBuilder.DropTable(
                name: "Exams");

            migrationBuilder.DropColumn(
                name: "CertificateValidUntil",
                table: "People");

            migrationBuilder.DropColumn(
                name: "CivilServiceEntryOn",
                table: "People");

            migrationBuilder.DropColumn(
                name: "EnforcementCertificate",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ExamCategories",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PromotedOn",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Rank",
                table: "People");
        }
    }
}
