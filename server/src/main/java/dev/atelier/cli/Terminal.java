package dev.atelier.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the user is watching: progress lines are redrawn on a terminal, silent otherwise. */
final class Terminal {

  private Terminal() {}

  /**
   * True when stdin and stdout are a terminal. From JDK 22 {@link System#console()} also answers
   * when redirected, and {@code Console.isTerminal()} (JDK 22+) tells the difference.
   */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
