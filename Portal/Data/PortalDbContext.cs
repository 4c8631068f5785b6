using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// Portal's data. This type runs on SQLite and owns the SQLite migrations (<c>Data/Migrations</c>); on PostgreSQL the
/// same model runs as <see cref="Postgres.PostgresPortalDbContext"/>, which owns its own migrations (EF Core's pattern for
/// several providers: one context type per provider, each with its migrations set).
/// </summary>
public class PortalDbContext : IdentityDbContext<ApplicationUser>
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type (its options are of that type).</summary>
    protected PortalDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Loop> Loops => Set<Loop>();
    public DbSet<LoopAction> LoopActions => Set<LoopAction>();
    public DbSet<ActionList> ActionLists => Set<ActionList>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ActionFreeze> ActionFreezes => Set<ActionFreeze>();
    public DbSet<LoopControl> LoopControls => Set<LoopControl>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<OverrideRule> OverrideRules => Set<OverrideRule>();
    public DbSet<DecisionFlag> DecisionFlags => Set<DecisionFlag>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<FeedbackTicket> FeedbackTickets => Set<FeedbackTicket>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<TicketHistoryEntry> TicketHistory => Set<TicketHistoryEntry>();
    public DbSet<TicketStatusLink> TicketStatusLinks => Set<TicketStatusLink>();
    public DbSet<TicketContextValue> TicketContextValues => Set<TicketContextValue>();
    public DbSet<LoopFeature> LoopFeatures => Set<LoopFeature>();
    public DbSet<ReportSignOff> ReportSignOffs => Set<ReportSignOff>();
    public DbSet<InsightCursor> InsightCursors => Set<InsightCursor>();
    public DbSet<SegmentStat> SegmentStats => Set<SegmentStat>();
    public DbSet<ImportanceStat> ImportanceStats => Set<ImportanceStat>();
    public DbSet<FeatureValueStat> FeatureValueStats => Set<FeatureValueStat>();
    public DbSet<OptOut> OptOuts => Set<OptOut>();
    public DbSet<Quarantine> Quarantines => Set<Quarantine>();
    public DbSet<ManipulationFinding> ManipulationFindings => Set<ManipulationFinding>();
    public DbSet<LoopAccountability> LoopAccountability => Set<LoopAccountability>();
    public DbSet<DataHandlingStatement> DataHandlingStatements => Set<DataHandlingStatement>();
    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();
    public DbSet<GoLiveReview> GoLiveReviews => Set<GoLiveReview>();
    public DbSet<ReviewPanel> ReviewPanels => Set<ReviewPanel>();
    public DbSet<ReviewPanelItem> ReviewPanelItems => Set<ReviewPanelItem>();
    public DbSet<ReviewInvitation> ReviewInvitations => Set<ReviewInvitation>();
    public DbSet<ReviewJudgement> ReviewJudgements => Set<ReviewJudgement>();
    public DbSet<ComprehensionAnswer> ComprehensionAnswers => Set<ComprehensionAnswer>();
    public DbSet<ComprehensionSegment> ComprehensionSegments => Set<ComprehensionSegment>();
    public DbSet<LeaderLease> LeaderLeases => Set<LeaderLease>();
    public DbSet<StoredModel> StoredModels => Set<StoredModel>();
    public DbSet<StoredModelSnapshot> StoredModelSnapshots => Set<StoredModelSnapshot>();
    public DbSet<SecretKeyRecord> SecretKeys => Set<SecretKeyRecord>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<SharedStateVersion> SharedStateVersions => Set<SharedStateVersion>();
    public DbSet<PendingErasure> PendingErasures => Set<PendingErasure>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        conventions.Properties<LearningMode>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<RewardAggregation>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<OverrideKind>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<RuleStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<FeedbackCategory>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<TicketChange>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<FindingKind>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<FindingStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<EvaluationRunStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<ReviewVerdict>().HaveConversion<string>().HaveMaxLength(16);
    }
}
