using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActionLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ActionListId",
                table: "Decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hash = table.Column<long>(type: "INTEGER", nullable: false),
                    ActionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    LearnerActions = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionLists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionLists_Hash",
                table: "ActionLists",
                column: "Hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionLists");

            migrationBuilder.DropColumn(
                name: "ActionListId",
                table: "Decisions");
        }
    }
}
