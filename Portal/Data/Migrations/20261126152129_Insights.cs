using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Settings_IsInferenceExplainabilityEnabled",
                table: "Loops",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "FeatureValueStats",
                columns: table => new
                {
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Feature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BucketStart = table.Column<long>(type: "INTEGER", nullable: false),
                    IsNumeric = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bin = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeatureValueStats", x => new { x.LoopId, x.BucketStart, x.Feature, x.IsNumeric, x.Bin });
                    table.ForeignKey(
                        name: "FK_FeatureValueStats_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportanceStats",
                columns: table => new
                {
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    BucketStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IsNamespace = table.Column<bool>(type: "INTEGER", nullable: false),
                    Feature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SumAbs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportanceStats", x => new { x.LoopId, x.Dimension, x.BucketStart, x.Value, x.IsNamespace, x.Feature });
                    table.ForeignKey(
                        name: "FK_ImportanceStats_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InsightCursors",
                columns: table => new
                {
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightCursors", x => new { x.LoopId, x.Source });
                    table.ForeignKey(
                        name: "FK_InsightCursors_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoopFeatures",
                columns: table => new
                {
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuditOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoopFeatures", x => new { x.LoopId, x.Path });
                    table.ForeignKey(
                        name: "FK_LoopFeatures_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportSignOffs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodTo = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportHtml = table.Column<string>(type: "TEXT", nullable: false),
                    SignedById = table.Column<string>(type: "TEXT", nullable: true),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSignOffs_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentStats",
                columns: table => new
                {
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    BucketStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActionId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Decisions = table.Column<long>(type: "INTEGER", nullable: false),
                    Rewarded = table.Column<long>(type: "INTEGER", nullable: false),
                    RewardSum = table.Column<double>(type: "REAL", nullable: false),
                    RewardSquares = table.Column<double>(type: "REAL", nullable: false),
                    Explored = table.Column<long>(type: "INTEGER", nullable: false),
                    BaselineServed = table.Column<long>(type: "INTEGER", nullable: false),
                    OverrideServed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentStats", x => new { x.LoopId, x.Dimension, x.BucketStart, x.Value, x.ActionId });
                    table.ForeignKey(
                        name: "FK_SegmentStats_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_LoopId_Seq",
                table: "Decisions",
                columns: new[] { "LoopId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSignOffs_LoopId_SignedAt",
                table: "ReportSignOffs",
                columns: new[] { "LoopId", "SignedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeatureValueStats");

            migrationBuilder.DropTable(
                name: "ImportanceStats");

            migrationBuilder.DropTable(
                name: "InsightCursors");

            migrationBuilder.DropTable(
                name: "LoopFeatures");

            migrationBuilder.DropTable(
                name: "ReportSignOffs");

            migrationBuilder.DropTable(
                name: "SegmentStats");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_LoopId_Seq",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Settings_IsInferenceExplainabilityEnabled",
                table: "Loops");
        }
    }
}
