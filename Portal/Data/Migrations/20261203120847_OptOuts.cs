using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class OptOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Settings_HonorGlobalPrivacyControl",
                table: "Loops",
                type: "INTEGER",
                nullable: false,
                // Existing loops honour the Global Privacy Control signal, as new ones do (LoopSettings' default).
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Settings_NotProfiledActionId",
                table: "Loops",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OptOuts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LoopId = table.Column<string>(type: "TEXT", nullable: false),
                    UserHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OptedOutAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptOuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OptOuts_Loops_LoopId",
                        column: x => x.LoopId,
                        principalTable: "Loops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OptOuts_LoopId_UserHash",
                table: "OptOuts",
                columns: new[] { "LoopId", "UserHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OptOuts");

            migrationBuilder.DropColumn(
                name: "Settings_HonorGlobalPrivacyControl",
                table: "Loops");

            migrationBuilder.DropColumn(
                name: "Settings_NotProfiledActionId",
                table: "Loops");
        }
    }
}
