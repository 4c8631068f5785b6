namespace Portal.Features.Insights.Contributed;

/// <summary>One registered component of another feature: a <see cref="BiasPageFigures"/> or a <see cref="ReportFigures"/>.</summary>
public sealed record ContributedFigures(Type Component);
