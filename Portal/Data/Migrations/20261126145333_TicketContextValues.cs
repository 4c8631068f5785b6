using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketContextValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TicketContextValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Feature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Number = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketContextValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketContextValues_FeedbackTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "FeedbackTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TicketContextValues_Feature_Number_TicketId",
                table: "TicketContextValues",
                columns: new[] { "Feature", "Number", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketContextValues_Feature_Text_TicketId",
                table: "TicketContextValues",
                columns: new[] { "Feature", "Text", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketContextValues_TicketId",
                table: "TicketContextValues",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketContextValues");
        }
    }
}
