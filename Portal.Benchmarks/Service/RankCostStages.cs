using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Decisions;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Features.PublicPages;
using Portal.Features.Training;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Service;

/// <summary>
/// The in-process stages of one Rank on the service benchmarks' body, as RankService and the trainer run them:
/// read the body, validate, parse features, rank, explain, serialize what is logged, and (later) learn from it.
/// </summary>
public sealed class RankCostStages
{
    private readonly byte[] body = Encoding.UTF8.GetBytes(RankBody.Json("cost-event-0001", 7));
    private readonly RankRequest request;
    private readonly FeatureSet context;
    private readonly FeatureSet[] actions;
    private readonly BanditModel model;
    private readonly OnlineLearner learner = new(PolicyParser.Parse(PolicyParser.PortalDefault));
    private readonly TrainingExampleLearner trainer = new(NullLogger<TrainingExampleLearner>.Instance);
    private readonly LearnerFeatureReader recordReader = new();
    private readonly double[] probabilities = new double[10];
    private readonly FeatureContribution[] explanation = new FeatureContribution[5];
    private readonly RankedAction[] ranking;
    private readonly WhyLinks whyLinks;
    private readonly Microsoft.AspNetCore.Http.DefaultHttpContext http = new();
    private readonly Portal.Features.Integrity.Detection.SegmentVocabulary vocabulary = new(50);

    public RankCostStages()
    {
        request = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
        context = PersonalizerFeatures.Parse(request.ContextFeatures!);
        actions = request.Actions!.Select(a => PersonalizerFeatures.Parse(a.Features!, null)).ToArray();
        for (var i = 0; i < 2000; i++) learner.Learn(context, actions, i % 10, 0.1, i % 3 == 0 ? 1 : 0);
        model = learner.Snapshot();
        http.Request.Scheme = "http";
        http.Request.Host = new Microsoft.AspNetCore.Http.HostString("127.0.0.1", 5391);
        ranking = request.Actions!.Select(a => new RankedAction(a.Id!, 0.1)).ToArray();
        var keys = new SecretKeys(new RandomSecretKeys());
        whyLinks = new WhyLinks(new DecisionLinkTokens(keys, TimeProvider.System), Options.Create(new PublicPagesOptions()), TimeProvider.System);
        Example = new TrainingExample(1, DateTimeOffset.UnixEpoch, RequestJson, "a3", 0.5, LearningMode.Online, false, null, 1);
        LoggedExample = Example with { LearnerFeatures = LearnerFeatureRecord.Write(context, actions, 3, 0) };
    }

    public string RequestJson => Encoding.UTF8.GetString(body);

    public TrainingExample Example { get; }

    /// <summary>The same decision logged with Rank's hashed features (LearnerFeatureRecord).</summary>
    public TrainingExample LoggedExample { get; }

    public int BodyBytes => body.Length;

    /// <summary>
    /// As the server reads a Rank body: one pass that hashes the features as it reads them and counts them for validation
    /// (RankBodyReader), then what validation has left to check (ids, exclusions, the context's count).
    /// </summary>
    public void ReadHashValidate() => ReadHashValidate(body);

    /// <summary>
    /// The same for bodies whose actions list the reader has not kept (1,024 lists that differ in an action id, taken in
    /// turn: each comes back only after a thousand others, long after the reader forgot it): the first Rank of a catalog,
    /// or an application whose lists always change.
    /// </summary>
    public void ReadHashValidateNewList(int call) => ReadHashValidate(newLists.Value[call % newLists.Value.Length]);

    private readonly Lazy<byte[][]> newLists = new(() =>
    {
        var text = RankBody.Json("cost-event-0001", 7);
        return [.. Enumerable.Range(0, 1024).Select(i => Encoding.UTF8.GetBytes(text.Replace("\"id\":\"a0\"", $"\"id\":\"n{i}\"")))];
    });

    private static void ReadHashValidate(byte[] body)
    {
        using var read = RankBodyReader.TryRead(body, null) ?? throw new InvalidOperationException("the reader declined the benchmark body");
        if (RankRequestValidator.Validate(read.Request) is { } problem) throw new InvalidOperationException(problem);
    }

    /// <summary>The path of a body the one-pass reader declines: the serializer, validation over its elements, hashing them.</summary>
    public void SerializerValidateHash()
    {
        var read = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;
        if (RankRequestValidator.Validate(read) is { } problem) throw new InvalidOperationException(problem);
        var labels = FeatureLabelArena.Rent();
        RequestFeatures.Of(read, null, labels);
        FeatureLabelArena.Return(labels);
    }

    /// <summary>The body is logged as its own bytes (LoggedText): only a UTF-8 check, no string.</summary>
    public void KeepRaw() => _ = new LoggedText(body);


    public void Rank(int i) => model.Rank(context, actions, new bool[10], (ulong)i, probabilities);

    public void Explain() => model.Explain(context, actions[3], explanation);

    /// <summary>As RankService writes them: into a pooled entry (the ranking array itself is Rank's answer, built in "rank").</summary>
    public void SerializeLogged()
    {
        var entry = RankLogEntry.Rent();
        entry.WriteJson(ranking, explanation);
        RankLogEntry.Return(entry);
    }

    /// <summary>
    /// Rank's answer as RankService prepares it before the commit: the "Why this suggestion?" link (token: HMAC-SHA256 over
    /// expiry, loop and event, base64url; absolute URL) and the response's JSON, into a pooled answer.
    /// </summary>
    public void Answer()
    {
        var answer = RankAnswer.Rent(whyLinks, http.Request, "demo");
        answer.Prepare(new RankResponse(ranking, "cost-event-0001", ranking[0].Id, Explored: false, "1"));
        RankAnswer.Return(answer);
    }

    /// <summary>Personalizer's inferenceExplanation (only loops that enable it): top 5 terms of each of the 10 actions.</summary>
    public void InferenceExplanation() => InferenceExplainer.Explain(model, context, actions, request.Actions!, ranking, new bool[10]);

    /// <summary>What the trainer does per decision: read RequestJson again, parse features, learn.</summary>
    public void Learn() => trainer.Learn(learner, Example, 0);

    /// <summary>What the manipulation watch does per settled decision: the segments of its context, read from the logged UTF-8 text.</summary>
    public void WatchSegments() => vocabulary.Of(LoggedContext.Categories(body));

    /// <summary>What the trainer does per decision logged with Rank's hashes: read them (into the batch's reused sets), learn.</summary>
    public void LearnFromRecord() => trainer.Learn(learner, LoggedExample, 0, features: recordReader);

    /// <summary>What Rank adds to the log for the trainer: its hashed features as a record.</summary>
    public void WriteRecord()
    {
        var entry = RankLogEntry.Rent();
        entry.WriteFeatures(context, actions, 3, 0);
        RankLogEntry.Return(entry);
    }
}

/// <summary>Fresh random keys held in memory: signing costs the same whatever keeps the key.</summary>
internal sealed class RandomSecretKeys : ISecretKeySource
{
    private readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    public byte[] LoadOrCreate(string name)
    {
        lock (keys)
        {
            if (!keys.TryGetValue(name, out var key)) keys[name] = key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(SecretKeys.KeyBytes);
            return key;
        }
    }
}
