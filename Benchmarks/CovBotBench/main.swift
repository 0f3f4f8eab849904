print("covbot-bench: not yet")
