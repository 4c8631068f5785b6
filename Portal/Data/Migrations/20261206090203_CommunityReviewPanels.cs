using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommunityReviewPanels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewPanels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowTo = table.Column<long>(type: "INTEGER", nullable: false),
                    StrataBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SegmentIdsJson = table.Column<string>(type: "TEXT", nullable: true),
                    PerSegment = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewPanels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewPanels_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewInvitations_ReviewPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ReviewPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewPanelItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ItemJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewPanelItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewPanelItems_ReviewPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ReviewPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewJudgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    JudgedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketReference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewJudgements_ReviewInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "ReviewInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewJudgements_ReviewPanelItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ReviewPanelItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewJudgements_ReviewPanels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "ReviewPanels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewInvitations_PanelId",
                table: "ReviewInvitations",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewInvitations_TokenHash",
                table: "ReviewInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewJudgements_InvitationId_ItemId",
                table: "ReviewJudgements",
                columns: new[] { "InvitationId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewJudgements_ItemId",
                table: "ReviewJudgements",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewJudgements_PanelId_JudgedAt",
                table: "ReviewJudgements",
                columns: new[] { "PanelId", "JudgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewPanelItems_PanelId_Position",
                table: "ReviewPanelItems",
                columns: new[] { "PanelId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewPanels_LoopId_CreatedAt",
                table: "ReviewPanels",
                columns: new[] { "LoopId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewJudgements");

            migrationBuilder.DropTable(
                name: "ReviewInvitations");

            migrationBuilder.DropTable(
                name: "ReviewPanelItems");

            migrationBuilder.DropTable(
                name: "ReviewPanels");
        }
    }
}
