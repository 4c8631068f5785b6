using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class GoLiveReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GoLiveReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalReviewDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SensitiveFeaturesChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    OptOutWired = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatementVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WithdrawnByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoLiveReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoLiveReviews_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoLiveReviews_LoopId_Version",
                table: "GoLiveReviews",
                columns: new[] { "LoopId", "Version" },
                unique: true);

            // ---- Data seeding, written by hand (not generated): the go-live gate must not stop loops that already serve.
            // Every loop that exists now is recorded as reviewed at migration (Source 1 = Migration, version 1, checklist
            // not attested, by "system"). The note is GoLiveReviews.MigrationNote. Their audit entries are written by
            // Portal at the next start (MigratedReviewsAudit): SQL cannot sign the audit chain.
            migrationBuilder.Sql("""
                INSERT INTO "GoLiveReviews" ("LoopId", "Version", "Source", "LegalReviewDone", "LegalReference", "SensitiveFeaturesChecked",
                    "OptOutWired", "StatementVersion", "Note", "RecordedAt", "RecordedById", "RecordedByName")
                SELECT l."Id", 1, 1, 0, '', 0, 0,
                    (SELECT MAX(s."Version") FROM "DataHandlingStatements" s WHERE s."LoopId" = l."Id"),
                    'Recorded as reviewed at migration: the loop was serving before go-live reviews existed. The checklist was not filled in.',
                    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), NULL, 'system'
                FROM "Loops" l;
                """);
            // ---- End of hand-written data seeding.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoLiveReviews");
        }
    }
}
