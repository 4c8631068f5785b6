using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ManipulationFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RewardSource",
                table: "Decisions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RewardedAt",
                table: "Decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ManipulationFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CellKey = table.Column<string>(type: "TEXT", maxLength: 1100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1100, nullable: false),
                    ActionId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SegmentFeature = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SegmentValue = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FirstSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Observed = table.Column<double>(type: "REAL", nullable: false),
                    BaselineMean = table.Column<double>(type: "REAL", nullable: false),
                    BaselineSpread = table.Column<double>(type: "REAL", nullable: false),
                    ZScore = table.Column<double>(type: "REAL", nullable: false),
                    Sample = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceJson = table.Column<string>(type: "TEXT", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    QuarantineId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManipulationFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManipulationFindings_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ManipulationFindings_LoopId_CellKey_Status",
                table: "ManipulationFindings",
                columns: new[] { "LoopId", "CellKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ManipulationFindings_LoopId_Status_Id",
                table: "ManipulationFindings",
                columns: new[] { "LoopId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManipulationFindings");

            migrationBuilder.DropColumn(
                name: "RewardSource",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "RewardedAt",
                table: "Decisions");
        }
    }
}
