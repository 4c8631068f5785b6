using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PendingErasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pendingerasures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    contactemail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    removeoptouts = table.Column<bool>(type: "boolean", nullable: false),
                    requestedbyid = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    requestedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requestedat = table.Column<long>(type: "bigint", nullable: false),
                    holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    claimeduntil = table.Column<long>(type: "bigint", nullable: false),
                    failedruns = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pendingerasures", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pendingerasures");
        }
    }
}
