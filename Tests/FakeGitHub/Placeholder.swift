/// FakeGitHub.
public enum FakeGitHubModule {}
