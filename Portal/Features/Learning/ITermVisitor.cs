namespace Portal.Features.Learning;

/// <summary>
/// Receives each term of a score: a hashed weight index and the term's value. <paramref name="first"/> and
/// <paramref name="second"/> identify the features (see <see cref="TermWalker"/>) for explanations; hot paths
/// ignore them. Implemented by structs so the walk is specialised and inlined, without allocation.
/// </summary>
internal interface ITermVisitor
{
    void Visit(uint hash, float value, int first, int second);
}
