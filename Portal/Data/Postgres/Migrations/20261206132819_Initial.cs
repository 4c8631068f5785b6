using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Portal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aspnetroles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetroles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aspnetusers",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    username = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedusername = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedemail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    emailconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    passwordhash = table.Column<string>(type: "text", nullable: true),
                    securitystamp = table.Column<string>(type: "text", nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true),
                    phonenumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phonenumberconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    twofactorenabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockoutend = table.Column<long>(type: "bigint", nullable: true),
                    lockoutenabled = table.Column<bool>(type: "boolean", nullable: false),
                    accessfailedcount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetusers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auditentries",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<long>(type: "bigint", nullable: false),
                    actorid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    actorname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    targettype = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    targetid = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    loopid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    previoushash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auditentries", x => x.seq);
                });

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
                name: "loopcontrols",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    killswitchon = table.Column<bool>(type: "boolean", nullable: false),
                    killswitchreason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    killswitchchangedby = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    killswitchchangedat = table.Column<long>(type: "bigint", nullable: true),
                    modelfrozen = table.Column<bool>(type: "boolean", nullable: false),
                    requireruleapproval = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_loopcontrols", x => x.scope);
                });

            migrationBuilder.CreateTable(
                name: "loops",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    apikeyhash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    apikeyhint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    keycreatedat = table.Column<long>(type: "bigint", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    policyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    policyarguments = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Settings_DefaultReward = table.Column<double>(type: "double precision", nullable: false),
                    Settings_ExplorationPercentage = table.Column<double>(type: "double precision", nullable: false),
                    Settings_HonorGlobalPrivacyControl = table.Column<bool>(type: "boolean", nullable: false),
                    Settings_IsInferenceExplainabilityEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Settings_LearningMode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Settings_LogMirrorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Settings_LogMirrorSasUri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Settings_LogRetentionDays = table.Column<int>(type: "integer", nullable: false),
                    Settings_ModelExportFrequency = table.Column<TimeSpan>(type: "interval", nullable: false),
                    Settings_NotProfiledActionId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Settings_RankCallsPerSecond = table.Column<int>(type: "integer", nullable: false),
                    Settings_RewardAggregation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Settings_RewardCallsPerSecond = table.Column<int>(type: "integer", nullable: false),
                    Settings_RewardWaitTime = table.Column<TimeSpan>(type: "interval", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_loops", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "aspnetroleclaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    roleid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetroleclaims", x => x.id);
                    table.ForeignKey(
                        name: "FK_aspnetroleclaims_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "aspnetroles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "apitokens",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tokenhash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tokenhint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    lastusedat = table.Column<long>(type: "bigint", nullable: true),
                    revokedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apitokens", x => x.id);
                    table.ForeignKey(
                        name: "FK_apitokens_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetuserclaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetuserclaims", x => x.id);
                    table.ForeignKey(
                        name: "FK_aspnetuserclaims_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetuserlogins",
                columns: table => new
                {
                    loginprovider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    providerkey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    providerdisplayname = table.Column<string>(type: "text", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetuserlogins", x => new { x.loginprovider, x.providerkey });
                    table.ForeignKey(
                        name: "FK_aspnetuserlogins_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetuserpasskeys",
                columns: table => new
                {
                    credentialid = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    userid = table.Column<string>(type: "text", nullable: false),
                    Data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetuserpasskeys", x => x.credentialid);
                    table.ForeignKey(
                        name: "FK_aspnetuserpasskeys_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetuserroles",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    roleid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetuserroles", x => new { x.userid, x.roleid });
                    table.ForeignKey(
                        name: "FK_aspnetuserroles_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "aspnetroles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aspnetuserroles_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetusertokens",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    loginprovider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aspnetusertokens", x => new { x.userid, x.loginprovider, x.name });
                    table.ForeignKey(
                        name: "FK_aspnetusertokens_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feedbacktickets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    lastsubmittedat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    contactemail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    consenttocontact = table.Column<bool>(type: "boolean", nullable: false),
                    sourcehash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    texthash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    submissioncount = table.Column<int>(type: "integer", nullable: false),
                    loopid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    eventid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    assigneeid = table.Column<string>(type: "text", nullable: true),
                    dueat = table.Column<long>(type: "bigint", nullable: false),
                    duplicateofid = table.Column<long>(type: "bigint", nullable: true),
                    message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    decisionjson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedbacktickets", x => x.id);
                    table.ForeignKey(
                        name: "FK_feedbacktickets_aspnetusers_assigneeid",
                        column: x => x.assigneeid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_feedbacktickets_feedbacktickets_duplicateofid",
                        column: x => x.duplicateofid,
                        principalTable: "feedbacktickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "actionfreezes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    actionid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    frozenbyid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    frozenbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    frozenat = table.Column<long>(type: "bigint", nullable: false),
                    expiresat = table.Column<long>(type: "bigint", nullable: true),
                    liftedat = table.Column<long>(type: "bigint", nullable: true),
                    liftedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    liftreason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actionfreezes", x => x.id);
                    table.ForeignKey(
                        name: "FK_actionfreezes_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comprehensionanswers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    eventid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    decidedat = table.Column<long>(type: "bigint", nullable: false),
                    answeredat = table.Column<long>(type: "bigint", nullable: false),
                    clear = table.Column<bool>(type: "boolean", nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    userhash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comprehensionanswers", x => x.id);
                    table.ForeignKey(
                        name: "FK_comprehensionanswers_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "datahandlingstatements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    publishedat = table.Column<long>(type: "bigint", nullable: false),
                    publishedbyid = table.Column<string>(type: "text", nullable: true),
                    publishedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_datahandlingstatements", x => x.id);
                    table.ForeignKey(
                        name: "FK_datahandlingstatements_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    eventid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    requestjson = table.Column<string>(type: "text", nullable: false),
                    learnerfeatures = table.Column<byte[]>(type: "bytea", nullable: true),
                    chosenactionid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    chosenprobability = table.Column<double>(type: "double precision", nullable: false),
                    baselineactionid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    explored = table.Column<bool>(type: "boolean", nullable: false),
                    modelversion = table.Column<long>(type: "bigint", nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rankingjson = table.Column<string>(type: "text", nullable: false),
                    explanationjson = table.Column<string>(type: "text", nullable: false),
                    oversight = table.Column<int>(type: "integer", nullable: false),
                    ruleid = table.Column<long>(type: "bigint", nullable: true),
                    oversightdetail = table.Column<string>(type: "text", nullable: true),
                    deferactivation = table.Column<bool>(type: "boolean", nullable: false),
                    activatedat = table.Column<long>(type: "bigint", nullable: true),
                    reward = table.Column<double>(type: "double precision", nullable: true),
                    rewardcount = table.Column<int>(type: "integer", nullable: false),
                    rewardedat = table.Column<long>(type: "bigint", nullable: true),
                    rewardsource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.seq);
                    table.ForeignKey(
                        name: "FK_decisions_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluationruns",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    from = table.Column<long>(type: "bigint", nullable: false),
                    to = table.Column<long>(type: "bigint", nullable: false),
                    candidatesjson = table.Column<string>(type: "text", nullable: false),
                    intervalminutes = table.Column<int>(type: "integer", nullable: true),
                    optimizationdiscovery = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    progress = table.Column<double>(type: "double precision", nullable: false),
                    decisionsread = table.Column<long>(type: "bigint", nullable: false),
                    failuremessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    failurefield = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    resultjson = table.Column<string>(type: "text", nullable: true),
                    createdbyid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    createdbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    startedat = table.Column<long>(type: "bigint", nullable: true),
                    finishedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluationruns", x => new { x.loopid, x.id });
                    table.ForeignKey(
                        name: "FK_evaluationruns_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "featurevaluestats",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    feature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bucketstart = table.Column<long>(type: "bigint", nullable: false),
                    isnumeric = table.Column<bool>(type: "boolean", nullable: false),
                    bin = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_featurevaluestats", x => new { x.loopid, x.bucketstart, x.feature, x.isnumeric, x.bin });
                    table.ForeignKey(
                        name: "FK_featurevaluestats_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "golivereviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    legalreviewdone = table.Column<bool>(type: "boolean", nullable: false),
                    legalreference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sensitivefeatureschecked = table.Column<bool>(type: "boolean", nullable: false),
                    optoutwired = table.Column<bool>(type: "boolean", nullable: false),
                    statementversion = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recordedat = table.Column<long>(type: "bigint", nullable: false),
                    recordedbyid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    recordedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    withdrawnat = table.Column<long>(type: "bigint", nullable: true),
                    withdrawnbyid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    withdrawnbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    withdrawreason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_golivereviews", x => x.id);
                    table.ForeignKey(
                        name: "FK_golivereviews_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "importancestats",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    dimension = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    bucketstart = table.Column<long>(type: "bigint", nullable: false),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    isnamespace = table.Column<bool>(type: "boolean", nullable: false),
                    feature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sumabs = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_importancestats", x => new { x.loopid, x.dimension, x.bucketstart, x.value, x.isnamespace, x.feature });
                    table.ForeignKey(
                        name: "FK_importancestats_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "insightcursors",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    definitionhash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    lastseq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insightcursors", x => new { x.loopid, x.source });
                    table.ForeignKey(
                        name: "FK_insightcursors_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loopaccountability",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    ownername = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ownercontact = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    affectsimportantchoices = table.Column<bool>(type: "boolean", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    updatedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_loopaccountability", x => x.loopid);
                    table.ForeignKey(
                        name: "FK_loopaccountability_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loopactions",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    actionid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    displayname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    featuresjson = table.Column<string>(type: "text", nullable: false),
                    firstseenat = table.Column<long>(type: "bigint", nullable: false),
                    lastseenat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_loopactions", x => new { x.loopid, x.actionid });
                    table.ForeignKey(
                        name: "FK_loopactions_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loopfeatures",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    auditonly = table.Column<bool>(type: "boolean", nullable: false),
                    displayname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    updatedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_loopfeatures", x => new { x.loopid, x.path });
                    table.ForeignKey(
                        name: "FK_loopfeatures_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "manipulationfindings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cellkey = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: false),
                    subject = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: false),
                    actionid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    segmentfeature = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    segmentvalue = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    firstseq = table.Column<long>(type: "bigint", nullable: false),
                    lastseq = table.Column<long>(type: "bigint", nullable: false),
                    windowfrom = table.Column<long>(type: "bigint", nullable: false),
                    windowto = table.Column<long>(type: "bigint", nullable: false),
                    observed = table.Column<double>(type: "double precision", nullable: false),
                    baselinemean = table.Column<double>(type: "double precision", nullable: false),
                    baselinespread = table.Column<double>(type: "double precision", nullable: false),
                    zscore = table.Column<double>(type: "double precision", nullable: false),
                    sample = table.Column<int>(type: "integer", nullable: false),
                    evidencejson = table.Column<string>(type: "text", nullable: false),
                    detectedat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reviewedbyid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reviewedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewedat = table.Column<long>(type: "bigint", nullable: true),
                    reviewnote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    quarantineid = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_manipulationfindings", x => x.id);
                    table.ForeignKey(
                        name: "FK_manipulationfindings_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "optouts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    userhash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    optedoutat = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_optouts", x => x.id);
                    table.ForeignKey(
                        name: "FK_optouts_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "overriderules",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    segmentname = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    segmentid = table.Column<long>(type: "bigint", nullable: true),
                    predicatejson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actionidsjson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    startsat = table.Column<long>(type: "bigint", nullable: false),
                    expiresat = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    authorid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    authorname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    reviewername = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewedat = table.Column<long>(type: "bigint", nullable: true),
                    reviewnote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    revokedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    revokedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overriderules", x => x.id);
                    table.ForeignKey(
                        name: "FK_overriderules_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quarantines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    from = table.Column<long>(type: "bigint", nullable: false),
                    to = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    createdbyid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    createdbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    rolledbackto = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantines", x => x.id);
                    table.ForeignKey(
                        name: "FK_quarantines_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reportsignoffs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    periodfrom = table.Column<long>(type: "bigint", nullable: false),
                    periodto = table.Column<long>(type: "bigint", nullable: false),
                    contenthash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reporthtml = table.Column<string>(type: "text", nullable: false),
                    signedbyid = table.Column<string>(type: "text", nullable: true),
                    signedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    signedat = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reportsignoffs", x => x.id);
                    table.ForeignKey(
                        name: "FK_reportsignoffs_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewpanels",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    windowfrom = table.Column<long>(type: "bigint", nullable: false),
                    windowto = table.Column<long>(type: "bigint", nullable: false),
                    strataby = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    segmentidsjson = table.Column<string>(type: "text", nullable: true),
                    persegment = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    expiresat = table.Column<long>(type: "bigint", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    createdbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewpanels", x => x.id);
                    table.ForeignKey(
                        name: "FK_reviewpanels_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "segments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    loopid = table.Column<string>(type: "character varying(64)", nullable: true),
                    definitionjson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    createdbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_segments", x => x.id);
                    table.ForeignKey(
                        name: "FK_segments_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "segmentstats",
                columns: table => new
                {
                    loopid = table.Column<string>(type: "character varying(64)", nullable: false),
                    dimension = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    bucketstart = table.Column<long>(type: "bigint", nullable: false),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    actionid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    decisions = table.Column<long>(type: "bigint", nullable: false),
                    rewarded = table.Column<long>(type: "bigint", nullable: false),
                    rewardsum = table.Column<double>(type: "double precision", nullable: false),
                    rewardsquares = table.Column<double>(type: "double precision", nullable: false),
                    explored = table.Column<long>(type: "bigint", nullable: false),
                    baselineserved = table.Column<long>(type: "bigint", nullable: false),
                    overrideserved = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_segmentstats", x => new { x.loopid, x.dimension, x.bucketstart, x.value, x.actionid });
                    table.ForeignKey(
                        name: "FK_segmentstats_loops_loopid",
                        column: x => x.loopid,
                        principalTable: "loops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketcomments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticketid = table.Column<long>(type: "bigint", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    authorid = table.Column<string>(type: "text", nullable: true),
                    authorname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ispublicreply = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketcomments", x => x.id);
                    table.ForeignKey(
                        name: "FK_ticketcomments_feedbacktickets_ticketid",
                        column: x => x.ticketid,
                        principalTable: "feedbacktickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketcontextvalues",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticketid = table.Column<long>(type: "bigint", nullable: false),
                    feature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    number = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketcontextvalues", x => x.id);
                    table.ForeignKey(
                        name: "FK_ticketcontextvalues_feedbacktickets_ticketid",
                        column: x => x.ticketid,
                        principalTable: "feedbacktickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tickethistory",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticketid = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: false),
                    actorid = table.Column<string>(type: "text", nullable: true),
                    actorname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    change = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tickethistory", x => x.id);
                    table.ForeignKey(
                        name: "FK_tickethistory_feedbacktickets_ticketid",
                        column: x => x.ticketid,
                        principalTable: "feedbacktickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketstatuslinks",
                columns: table => new
                {
                    tokenhash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ticketid = table.Column<long>(type: "bigint", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketstatuslinks", x => x.tokenhash);
                    table.ForeignKey(
                        name: "FK_ticketstatuslinks_feedbacktickets_ticketid",
                        column: x => x.ticketid,
                        principalTable: "feedbacktickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comprehensionsegments",
                columns: table => new
                {
                    answerid = table.Column<long>(type: "bigint", nullable: false),
                    feature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comprehensionsegments", x => new { x.answerid, x.feature, x.value });
                    table.ForeignKey(
                        name: "FK_comprehensionsegments_comprehensionanswers_answerid",
                        column: x => x.answerid,
                        principalTable: "comprehensionanswers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decisionflags",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    decisionseq = table.Column<long>(type: "bigint", nullable: false),
                    loopid = table.Column<string>(type: "text", nullable: false),
                    eventid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    flaggedbyid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    flaggedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    flaggedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisionflags", x => x.id);
                    table.ForeignKey(
                        name: "FK_decisionflags_decisions_decisionseq",
                        column: x => x.decisionseq,
                        principalTable: "decisions",
                        principalColumn: "seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewinvitations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    panelid = table.Column<long>(type: "bigint", nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tokenhash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    createdbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    expiresat = table.Column<long>(type: "bigint", nullable: false),
                    revokedat = table.Column<long>(type: "bigint", nullable: true),
                    revokedbyname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewinvitations", x => x.id);
                    table.ForeignKey(
                        name: "FK_reviewinvitations_reviewpanels_panelid",
                        column: x => x.panelid,
                        principalTable: "reviewpanels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewpanelitems",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    panelid = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    segment = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    loopid = table.Column<string>(type: "text", nullable: false),
                    eventid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    itemjson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewpanelitems", x => x.id);
                    table.ForeignKey(
                        name: "FK_reviewpanelitems_reviewpanels_panelid",
                        column: x => x.panelid,
                        principalTable: "reviewpanels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewjudgements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    panelid = table.Column<long>(type: "bigint", nullable: false),
                    itemid = table.Column<long>(type: "bigint", nullable: false),
                    invitationid = table.Column<long>(type: "bigint", nullable: false),
                    verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    judgedat = table.Column<long>(type: "bigint", nullable: false),
                    ticketreference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewjudgements", x => x.id);
                    table.ForeignKey(
                        name: "FK_reviewjudgements_reviewinvitations_invitationid",
                        column: x => x.invitationid,
                        principalTable: "reviewinvitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reviewjudgements_reviewpanelitems_itemid",
                        column: x => x.itemid,
                        principalTable: "reviewpanelitems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reviewjudgements_reviewpanels_panelid",
                        column: x => x.panelid,
                        principalTable: "reviewpanels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "sharedstateversions",
                columns: new[] { "id", "version" },
                values: new object[,]
                {
                    { 1, 0L },
                    { 2, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_actionfreezes_loopid_liftedat",
                table: "actionfreezes",
                columns: new[] { "loopid", "liftedat" });

            migrationBuilder.CreateIndex(
                name: "IX_apitokens_tokenhash",
                table: "apitokens",
                column: "tokenhash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_apitokens_userid",
                table: "apitokens",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "IX_aspnetroleclaims_roleid",
                table: "aspnetroleclaims",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "aspnetroles",
                column: "normalizedname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aspnetuserclaims_userid",
                table: "aspnetuserclaims",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "IX_aspnetuserlogins_userid",
                table: "aspnetuserlogins",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "IX_aspnetuserpasskeys_userid",
                table: "aspnetuserpasskeys",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "IX_aspnetuserroles_roleid",
                table: "aspnetuserroles",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "aspnetusers",
                column: "normalizedemail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "aspnetusers",
                column: "normalizedusername",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auditentries_actorid",
                table: "auditentries",
                column: "actorid");

            migrationBuilder.CreateIndex(
                name: "IX_auditentries_at",
                table: "auditentries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_auditentries_loopid_at",
                table: "auditentries",
                columns: new[] { "loopid", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_auditentries_targettype_targetid",
                table: "auditentries",
                columns: new[] { "targettype", "targetid" });

            migrationBuilder.CreateIndex(
                name: "IX_comprehensionanswers_loopid_answeredat",
                table: "comprehensionanswers",
                columns: new[] { "loopid", "answeredat" });

            migrationBuilder.CreateIndex(
                name: "IX_comprehensionanswers_loopid_decidedat",
                table: "comprehensionanswers",
                columns: new[] { "loopid", "decidedat" });

            migrationBuilder.CreateIndex(
                name: "IX_comprehensionanswers_loopid_eventid",
                table: "comprehensionanswers",
                columns: new[] { "loopid", "eventid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comprehensionanswers_userhash_loopid",
                table: "comprehensionanswers",
                columns: new[] { "userhash", "loopid" });

            migrationBuilder.CreateIndex(
                name: "IX_comprehensionsegments_feature_answerid",
                table: "comprehensionsegments",
                columns: new[] { "feature", "answerid" });

            migrationBuilder.CreateIndex(
                name: "IX_datahandlingstatements_loopid_version",
                table: "datahandlingstatements",
                columns: new[] { "loopid", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dataprotectionkeys_friendlyname",
                table: "dataprotectionkeys",
                column: "friendlyname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisionflags_decisionseq",
                table: "decisionflags",
                column: "decisionseq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisionflags_loopid_flaggedat",
                table: "decisionflags",
                columns: new[] { "loopid", "flaggedat" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_loopid_createdat",
                table: "decisions",
                columns: new[] { "loopid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_loopid_eventid",
                table: "decisions",
                columns: new[] { "loopid", "eventid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_loopid_seq",
                table: "decisions",
                columns: new[] { "loopid", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluationruns_loopid_createdat",
                table: "evaluationruns",
                columns: new[] { "loopid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_evaluationruns_status",
                table: "evaluationruns",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_assigneeid",
                table: "feedbacktickets",
                column: "assigneeid");

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_createdat",
                table: "feedbacktickets",
                column: "createdat");

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_duplicateofid",
                table: "feedbacktickets",
                column: "duplicateofid");

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_loopid_category",
                table: "feedbacktickets",
                columns: new[] { "loopid", "category" });

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_reference",
                table: "feedbacktickets",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_sourcehash_texthash",
                table: "feedbacktickets",
                columns: new[] { "sourcehash", "texthash" });

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_status_assigneeid_createdat",
                table: "feedbacktickets",
                columns: new[] { "status", "assigneeid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_status_category_createdat",
                table: "feedbacktickets",
                columns: new[] { "status", "category", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_status_createdat",
                table: "feedbacktickets",
                columns: new[] { "status", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_status_dueat_createdat",
                table: "feedbacktickets",
                columns: new[] { "status", "dueat", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_status_loopid_createdat",
                table: "feedbacktickets",
                columns: new[] { "status", "loopid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_feedbacktickets_status_priority_createdat",
                table: "feedbacktickets",
                columns: new[] { "status", "priority", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_golivereviews_loopid_version",
                table: "golivereviews",
                columns: new[] { "loopid", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_loops_apikeyhash",
                table: "loops",
                column: "apikeyhash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_manipulationfindings_loopid_cellkey_status",
                table: "manipulationfindings",
                columns: new[] { "loopid", "cellkey", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_manipulationfindings_loopid_status_id",
                table: "manipulationfindings",
                columns: new[] { "loopid", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_optouts_loopid_userhash",
                table: "optouts",
                columns: new[] { "loopid", "userhash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_overriderules_loopid_status",
                table: "overriderules",
                columns: new[] { "loopid", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantines_loopid",
                table: "quarantines",
                column: "loopid");

            migrationBuilder.CreateIndex(
                name: "IX_reportsignoffs_loopid_signedat",
                table: "reportsignoffs",
                columns: new[] { "loopid", "signedat" });

            migrationBuilder.CreateIndex(
                name: "IX_reviewinvitations_panelid",
                table: "reviewinvitations",
                column: "panelid");

            migrationBuilder.CreateIndex(
                name: "IX_reviewinvitations_tokenhash",
                table: "reviewinvitations",
                column: "tokenhash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviewjudgements_invitationid_itemid",
                table: "reviewjudgements",
                columns: new[] { "invitationid", "itemid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviewjudgements_itemid",
                table: "reviewjudgements",
                column: "itemid");

            migrationBuilder.CreateIndex(
                name: "IX_reviewjudgements_panelid_judgedat",
                table: "reviewjudgements",
                columns: new[] { "panelid", "judgedat" });

            migrationBuilder.CreateIndex(
                name: "IX_reviewpanelitems_panelid_position",
                table: "reviewpanelitems",
                columns: new[] { "panelid", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviewpanels_loopid_createdat",
                table: "reviewpanels",
                columns: new[] { "loopid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_segments_loopid",
                table: "segments",
                column: "loopid");

            migrationBuilder.CreateIndex(
                name: "IX_segments_name",
                table: "segments",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_storedmodelsnapshots_loopid_lasttrainedseq",
                table: "storedmodelsnapshots",
                columns: new[] { "loopid", "lasttrainedseq" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketcomments_ticketid_createdat",
                table: "ticketcomments",
                columns: new[] { "ticketid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketcontextvalues_feature_number_ticketid",
                table: "ticketcontextvalues",
                columns: new[] { "feature", "number", "ticketid" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketcontextvalues_feature_text_ticketid",
                table: "ticketcontextvalues",
                columns: new[] { "feature", "text", "ticketid" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketcontextvalues_ticketid",
                table: "ticketcontextvalues",
                column: "ticketid");

            migrationBuilder.CreateIndex(
                name: "IX_tickethistory_ticketid_at",
                table: "tickethistory",
                columns: new[] { "ticketid", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketstatuslinks_ticketid",
                table: "ticketstatuslinks",
                column: "ticketid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "actionfreezes");

            migrationBuilder.DropTable(
                name: "apitokens");

            migrationBuilder.DropTable(
                name: "aspnetroleclaims");

            migrationBuilder.DropTable(
                name: "aspnetuserclaims");

            migrationBuilder.DropTable(
                name: "aspnetuserlogins");

            migrationBuilder.DropTable(
                name: "aspnetuserpasskeys");

            migrationBuilder.DropTable(
                name: "aspnetuserroles");

            migrationBuilder.DropTable(
                name: "aspnetusertokens");

            migrationBuilder.DropTable(
                name: "auditentries");

            migrationBuilder.DropTable(
                name: "comprehensionsegments");

            migrationBuilder.DropTable(
                name: "datahandlingstatements");

            migrationBuilder.DropTable(
                name: "dataprotectionkeys");

            migrationBuilder.DropTable(
                name: "decisionflags");

            migrationBuilder.DropTable(
                name: "evaluationruns");

            migrationBuilder.DropTable(
                name: "featurevaluestats");

            migrationBuilder.DropTable(
                name: "golivereviews");

            migrationBuilder.DropTable(
                name: "importancestats");

            migrationBuilder.DropTable(
                name: "insightcursors");

            migrationBuilder.DropTable(
                name: "leaderleases");

            migrationBuilder.DropTable(
                name: "loopaccountability");

            migrationBuilder.DropTable(
                name: "loopactions");

            migrationBuilder.DropTable(
                name: "loopcontrols");

            migrationBuilder.DropTable(
                name: "loopfeatures");

            migrationBuilder.DropTable(
                name: "manipulationfindings");

            migrationBuilder.DropTable(
                name: "optouts");

            migrationBuilder.DropTable(
                name: "overriderules");

            migrationBuilder.DropTable(
                name: "quarantines");

            migrationBuilder.DropTable(
                name: "reportsignoffs");

            migrationBuilder.DropTable(
                name: "reviewjudgements");

            migrationBuilder.DropTable(
                name: "secretkeys");

            migrationBuilder.DropTable(
                name: "segments");

            migrationBuilder.DropTable(
                name: "segmentstats");

            migrationBuilder.DropTable(
                name: "sharedstateversions");

            migrationBuilder.DropTable(
                name: "storedmodels");

            migrationBuilder.DropTable(
                name: "storedmodelsnapshots");

            migrationBuilder.DropTable(
                name: "ticketcomments");

            migrationBuilder.DropTable(
                name: "ticketcontextvalues");

            migrationBuilder.DropTable(
                name: "tickethistory");

            migrationBuilder.DropTable(
                name: "ticketstatuslinks");

            migrationBuilder.DropTable(
                name: "aspnetroles");

            migrationBuilder.DropTable(
                name: "comprehensionanswers");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "reviewinvitations");

            migrationBuilder.DropTable(
                name: "reviewpanelitems");

            migrationBuilder.DropTable(
                name: "feedbacktickets");

            migrationBuilder.DropTable(
                name: "reviewpanels");

            migrationBuilder.DropTable(
                name: "aspnetusers");

            migrationBuilder.DropTable(
                name: "loops");
        }
    }
}
