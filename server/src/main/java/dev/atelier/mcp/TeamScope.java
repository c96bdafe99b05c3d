package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import dev.atelier.audit.AuditLog;
import dev.atelier.chat.ChatTools;
import dev.atelier.platform.Caller;
import java.util.function.Supplier;

/**
 * Where the team tools of a call run: as whom, through which chat and audit doors. Over HTTP the
 * caller is the request's; in a local {@code atelier mcp} it is the install's owner.
 */
public record TeamScope(Caller caller, ChatTools chat, AuditLog audit) {

  public TeamScope {
    requireNonNull(caller, "caller is null");
    requireNonNull(chat, "chat is null");
    requireNonNull(audit, "audit is null");
  }

  public TeamCall open(ToolArguments arguments) {
    return new TeamCall(caller, chat, audit, arguments);
  }

  /** {@code code} for the code tools, {@code team} (asked on first use) for the team tools. */
  public static ToolScope with(ToolScope code, Supplier<TeamScope> team) {
    requireNonNull(code, "code is null");
    requireNonNull(team, "team is null");
    return new ToolScope() {
      @Override
      public ToolCall open(ToolArguments arguments) {
        return code.open(arguments);
      }

      @Override
      public java.util.Map<String, Object> arguments() {
        return code.arguments();
      }

      @Override
      public TeamCall team(ToolArguments arguments) {
        return team.get().open(arguments);
      }
    };
  }
}
