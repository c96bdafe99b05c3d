package dev.atelier.repos;

/** Where a branch is in its indexing life. */
public enum BranchState {
  /** Registered, never indexed: it has no manifest yet. */
  NEW("new"),
  /** An index run is under way; the previous manifest, if any, is still the current one. */
  INDEXING("indexing"),
  /** The current manifest is complete. */
  READY("ready"),
  /** The last run failed; the previous manifest, if any, is still the current one. */
  FAILED("failed");

  private final String label;

  BranchState(String label) {
    this.label = label;
  }

  /** The value stored in {@code branches.state}. */
  public String label() {
    return label;
  }

  public static BranchState fromLabel(String label) {
    for (BranchState state : values()) {
      if (state.label.equals(label)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown branch state: " + label);
  }
}
