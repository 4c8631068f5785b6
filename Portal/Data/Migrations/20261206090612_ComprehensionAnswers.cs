using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComprehensionAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComprehensionAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Clear = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UserHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComprehensionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComprehensionAnswers_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComprehensionSegments",
                columns: table => new
                {
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Feature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComprehensionSegments", x => new { x.AnswerId, x.Feature, x.Value });
                    table.ForeignKey(
                        name: "FK_ComprehensionSegments_ComprehensionAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "ComprehensionAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComprehensionAnswers_LoopId_AnsweredAt",
                table: "ComprehensionAnswers",
                columns: new[] { "LoopId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComprehensionAnswers_LoopId_DecidedAt",
                table: "ComprehensionAnswers",
                columns: new[] { "LoopId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComprehensionAnswers_LoopId_EventId",
                table: "ComprehensionAnswers",
                columns: new[] { "LoopId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComprehensionAnswers_UserHash_LoopId",
                table: "ComprehensionAnswers",
                columns: new[] { "UserHash", "LoopId" });

            migrationBuilder.CreateIndex(
                name: "IX_ComprehensionSegments_Feature_AnswerId",
                table: "ComprehensionSegments",
                columns: new[] { "Feature", "AnswerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComprehensionSegments");

            migrationBuilder.DropTable(
                name: "ComprehensionAnswers");
        }
    }
}
