/// GitHub.
public enum GitHubModule {}
