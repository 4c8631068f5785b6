using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SharedStateVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sharedstateversions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharedstateversions", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "sharedstateversions",
                columns: new[] { "id", "version" },
                values: new object[,]
                {
                    { 1, 0L },
                    { 2, 0L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sharedstateversions");
        }
    }
}
