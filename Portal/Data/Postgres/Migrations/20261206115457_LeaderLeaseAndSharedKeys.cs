using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeaderLeaseAndSharedKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dataprotectionkeys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendlyname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataprotectionkeys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leaderleases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    acquiredat = table.Column<long>(type: "bigint", nullable: false),
                    expiresat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leaderleases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "secretkeys",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<byte[]>(type: "bytea", nullable: false),
                    wrapped = table.Column<bool>(type: "boolean", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_secretkeys", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "storedmodels",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    generation = table.Column<long>(type: "bigint", nullable: false),
                    lasttrainedseq = table.Column<long>(type: "bigint", nullable: false),
                    exampleslearned = table.Column<long>(type: "bigint", nullable: false),
                    modelversion = table.Column<long>(type: "bigint", nullable: false),
                    savedat = table.Column<long>(type: "bigint", nullable: false),
                    savedby = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_storedmodels", x => x.loopid);
                });

            migrationBuilder.CreateTable(
                name: "storedmodelsnapshots",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    takenat = table.Column<long>(type: "bigint", nullable: false),
                    lasttrainedseq = table.Column<long>(type: "bigint", nullable: false),
                    exampleslearned = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_storedmodelsnapshots", x => new { x.loopid, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dataprotectionkeys_friendlyname",
                table: "dataprotectionkeys",
                column: "friendlyname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_storedmodelsnapshots_loopid_lasttrainedseq",
                table: "storedmodelsnapshots",
                columns: new[] { "loopid", "lasttrainedseq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataprotectionkeys");

            migrationBuilder.DropTable(
                name: "leaderleases");

            migrationBuilder.DropTable(
                name: "secretkeys");

            migrationBuilder.DropTable(
                name: "storedmodels");

            migrationBuilder.DropTable(
                name: "storedmodelsnapshots");
        }
    }
}
