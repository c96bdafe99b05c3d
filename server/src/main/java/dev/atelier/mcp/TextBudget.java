package dev.atelier.mcp;

/**
 * Text that stops growing at a token budget, and says so: tools append line by line and the agent
 * learns how much was left out and how to get it. Tokens are estimated at four characters each, the
 * usual figure for code and English with BPE tokenizers.
 */
public final class TextBudget {

  private static final int CHARS_PER_TOKEN = 4;

  private final int maxTokens;
  private final StringBuilder text = new StringBuilder();
  private int omitted;

  public TextBudget(int maxTokens) {
    this.maxTokens = maxTokens;
  }

  public static int tokens(CharSequence text) {
    return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  /** Appends one line if it fits; returns false (and counts it as omitted) if it does not. */
  public boolean line(CharSequence line) {
    if (omitted > 0 || tokens(text) + tokens(line) + 1 > maxTokens) {
      omitted++;
      return false;
    }
    text.append(line).append('\n');
    return true;
  }

  public boolean full() {
    return omitted > 0;
  }

  public int omitted() {
    return omitted;
  }

  public int usedTokens() {
    return tokens(text);
  }

  public int remainingTokens() {
    return Math.max(0, maxTokens - usedTokens());
  }

  /** The text, with a last line saying how many lines the budget left out. */
  @Override
  public String toString() {
    if (omitted == 0) {
      return text.toString().strip();
    }
    return text
        + "... "
        + omitted
        + (omitted == 1 ? " more line" : " more lines")
        + " left out by max_tokens="
        + maxTokens;
  }
}
