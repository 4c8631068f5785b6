using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActionLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "actionlistid",
                table: "decisions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "actionlists",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    hash = table.Column<long>(type: "bigint", nullable: false),
                    actionsjson = table.Column<string>(type: "text", nullable: false),
                    learneractions = table.Column<byte[]>(type: "bytea", nullable: true),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    lastusedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actionlists", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_actionlists_hash",
                table: "actionlists",
                column: "hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "actionlists");

            migrationBuilder.DropColumn(
                name: "actionlistid",
                table: "decisions");
        }
    }
}
