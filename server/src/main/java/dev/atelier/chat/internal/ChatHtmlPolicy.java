package dev.atelier.chat.internal;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The only HTML a rendered message may hold: text formatting, lists, quotes, code, headings, tables
 * and links to http(s), mailto or the app's own pages. No script, style, event handler, image or
 * frame survives, nor any other URL scheme.
 */
final class ChatHtmlPolicy {

  private ChatHtmlPolicy() {}

  // Absolute http(s) and mailto, or a path of this app ("/..." but not "//host").
  private static final Pattern HREF =
      Pattern.compile("(?i)(?:https?://[^\\s]+|mailto:[^\\s]+|/(?![/\\\\])[^\\s]*)");

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "em",
              "strong",
              "del",
              "code",
              "pre",
              "blockquote",
              "ul",
              "ol",
              "li",
              "a",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "hr")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .matching(HREF)
          .onElements("a")
          .allowAttributes("class")
          .matching(Pattern.compile("mention|code-link"))
          .onElements("a")
          .allowAttributes("data-user-id")
          .matching(Pattern.compile("[0-9]{1,18}"))
          .onElements("a")
          .allowAttributes("target")
          .matching(Pattern.compile("_blank"))
          .onElements("a")
          .allowAttributes("rel")
          .matching(Pattern.compile("nofollow noopener"))
          .onElements("a")
          .allowAttributes("class")
          .matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}"))
          .onElements("code")
          .allowAttributes("align")
          .matching(Pattern.compile("left|center|right"))
          .onElements("th", "td")
          .allowAttributes("start")
          .matching(Pattern.compile("[0-9]{1,9}"))
          .onElements("ol")
          .toFactory();
}
