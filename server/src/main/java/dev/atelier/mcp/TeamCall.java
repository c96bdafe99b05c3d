package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import dev.atelier.audit.AuditLog;
import dev.atelier.chat.ChatTools;
import dev.atelier.platform.Caller;

/**
 * One call of a {@link TeamTool}: who calls (every read and write is confined to their org and to
 * the channels they may read) and the chat and audit doors it goes through.
 */
public record TeamCall(Caller caller, ChatTools chat, AuditLog audit, ToolArguments arguments) {

  public TeamCall {
    requireNonNull(caller, "caller is null");
    requireNonNull(chat, "chat is null");
    requireNonNull(audit, "audit is null");
    requireNonNull(arguments, "arguments is null");
  }

  /** The output budget the caller asked for ({@code max_tokens}), or the tool's default. */
  public TextBudget budget(int defaultTokens) {
    return new TextBudget(arguments.maxTokens(defaultTokens));
  }
}
