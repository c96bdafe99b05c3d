package dev.atelier.chat.internal.web;

import dev.atelier.chat.ChatError;
import dev.atelier.platform.AtelierException;
import java.util.regex.Pattern;

/** What a reaction may be: one emoji (a few code points) or a shortcode name like {@code +1}. */
final class Emoji {

  private static final Pattern SHORTCODE = Pattern.compile(":?[a-z0-9_+-]{1,40}:?");

  private Emoji() {}

  static String valid(String emoji) {
    boolean symbols =
        !emoji.isEmpty()
            && emoji.codePointCount(0, emoji.length()) <= 10
            && emoji
                .codePoints()
                .allMatch(c ->
                    c > 0x7f
                        && !Character.isWhitespace(c)
                        && !Character.isISOControl(c)
                        && !Character.isLetterOrDigit(c));
    if (!symbols && !SHORTCODE.matcher(emoji).matches()) {
      throw new AtelierException(
          ChatError.INVALID_MESSAGE, "a reaction is one emoji or a shortcode such as thumbsup");
    }
    return emoji;
  }
}
