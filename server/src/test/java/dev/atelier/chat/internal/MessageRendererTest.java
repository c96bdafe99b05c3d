package dev.atelier.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

  private static final Set<String> ALLOWED =
      Set.of(
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
          "hr");

  private final MessageRenderer renderer = new MessageRenderer();
  private final MessageRenderer.Context context =
      new MessageRenderer.Context(Map.of(1L, "Olga <b>Admin</b>"), Map.of("repo", 7L));

  @Test
  void noVectorOfTheXssCheatSheetSurvivesRenderingOrTheSanitiserAlone() throws IOException {
    List<String> vectors = vectors();
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(100);
    List<String> failures = new ArrayList<>();
    for (String vector : vectors) {
      String rendered = renderer.render(vector, context).html();
      failures.addAll(problems(vector, rendered));
      failures.addAll(problems(vector, ChatHtmlPolicy.POLICY.sanitize(vector)));
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void fencedCodeKeepsItsLanguageForTheHighlighter() {
    String html = renderer.render("```go\nfunc main() {}\n```", context).html();
    assertThat(html).contains("<pre><code class=\"language-go\">func main() {}");
  }

  @Test
  void markdownBecomesTheAllowedFormatting() {
    String html =
        renderer
            .render(
                "# Title\n**bold** _it_ ~~gone~~ `x`\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |",
                context)
            .html();
    assertThat(html)
        .contains("<h1>Title</h1>")
        .contains("<strong>bold</strong>")
        .contains("<em>it</em>")
        .contains("<del>gone</del>")
        .contains("<code>x</code>")
        .contains("<li>one</li>")
        .contains("<table>")
        .contains("<td>1</td>");
  }

  @Test
  void rawHtmlIsShownAsText() {
    assertThat(renderer.render("ok then, <b>merged</b>", context).html())
        .isEqualTo("<p>ok then, &lt;b&gt;merged&lt;/b&gt;</p>\n");
  }

  @Test
  void externalLinksOpenInANewTabWithoutTrust() {
    String html = renderer.render("see https://example.com/a and [home](/repos)", context).html();
    Document document = Jsoup.parseBodyFragment(html);
    Element external = document.selectFirst("a[href=https://example.com/a]");
    assertThat(external).isNotNull();
    assertThat(external.attr("target")).isEqualTo("_blank");
    assertThat(external.attr("rel")).contains("nofollow").contains("noopener");
    Element internal = document.selectFirst("a[href=/repos]");
    assertThat(internal).isNotNull();
    assertThat(internal.hasAttr("target")).isFalse();
  }

  @Test
  void mentionsOfMembersBecomeLinksAndOthersStayText() {
    MessageRenderer.Rendered rendered = renderer.render("hi <@1> and <@2>, see `<@1>`", context);
    Element mention = Jsoup.parseBodyFragment(rendered.html()).selectFirst("a.mention");
    assertThat(mention).isNotNull();
    assertThat(mention.attr("data-user-id")).isEqualTo("1");
    assertThat(mention.attr("href")).isEqualTo("/settings/members");
    assertThat(mention.text()).isEqualTo("@Olga <b>Admin</b>");
    Document document = Jsoup.parseBodyFragment(rendered.html());
    assertThat(document.text()).isEqualTo("hi @Olga <b>Admin</b> and <@2>, see <@1>");
    assertThat(document.select("code").text()).isEqualTo("<@1>");
    assertThat(rendered.mentions())
        .containsExactly(new MessageRenderer.Mention(1, "Olga <b>Admin</b>"));
    assertThat(renderer.mentionedIds("<@1> <@2> `<@3>` <@1>")).containsExactly(1L, 2L);
  }

  @Test
  void codeReferencesLinkIntoTheCodeBrowser() {
    MessageRenderer.Rendered rendered =
        renderer.render(
            "[[repo]] [[repo:src/main file.go]] [[repo:a/b.go#L10]] [[repo:a/b.go#L20-10]]"
                + " [[repo::pkg.Type.method]] [[other:x.go]]",
            context);
    assertThat(rendered.codeLinks())
        .extracting(MessageRenderer.CodeLink::href)
        .containsExactly(
            "/repos/7/code",
            "/repos/7/code/a/b.go#L10",
            "/repos/7/code/a/b.go#L10-L20",
            "/repos/7/search?q=pkg.Type.method&mode=symbol");
    // A path with a space is not a reference: the token ends at white space.
    assertThat(rendered.html()).contains("[[repo:src/main file.go]]").contains("[[other:x.go]]");
    MessageRenderer.CodeLink range = rendered.codeLinks().get(2);
    assertThat(range)
        .isEqualTo(
            new MessageRenderer.CodeLink(
                "repo", 7, "a/b.go", 10, 20, null, "/repos/7/code/a/b.go#L10-L20"));
    Element link = Jsoup.parseBodyFragment(rendered.html()).selectFirst("a.code-link");
    assertThat(link).isNotNull();
    assertThat(link.attr("href")).isEqualTo("/repos/7/code");
    assertThat(MessageRenderer.codeLink("repo:dir/Ä ö.go", Map.of("repo", 7L))).isNull();
    assertThat(MessageRenderer.codeLink("repo:dir/Äö.go#L3", Map.of("repo", 7L)).href())
        .isEqualTo("/repos/7/code/dir/%C3%84%C3%B6.go#L3");
  }

  // Parsed as a browser would: entities in attributes decoded, tags and attributes any case.
  private static List<String> problems(String vector, String html) {
    List<String> problems = new ArrayList<>();
    Document document = Jsoup.parseBodyFragment(html);
    for (Element element : document.body().getAllElements()) {
      if (element == document.body()) {
        continue;
      }
      String tag = element.tagName().toLowerCase(Locale.ROOT);
      if (!ALLOWED.contains(tag)) {
        problems.add(vector + " -> element " + tag + " in " + html);
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on") || name.equals("style") || name.equals("src")) {
          problems.add(vector + " -> attribute " + name + " in " + html);
        }
        if (isScriptUrl(attribute.getValue())) {
          problems.add(vector + " -> URL " + attribute.getValue() + " in " + html);
        }
      }
    }
    return problems;
  }

  // Browsers drop control characters and white space inside a scheme; so do we before checking.
  static boolean isScriptUrl(String value) {
    StringBuilder scheme = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == ':') {
        break;
      }
      if (c > ' ' && c != 0x7f) {
        scheme.append(Character.toLowerCase(c));
      }
    }
    String s = scheme.toString();
    return value.contains(":")
        && (s.endsWith("javascript")
            || s.endsWith("vbscript")
            || s.endsWith("data")
            || s.endsWith("livescript"));
  }

  private static List<String> vectors() throws IOException {
    try (InputStream in = MessageRendererTest.class.getResourceAsStream("/chat/xss-vectors.txt")) {
      assertThat(in).isNotNull();
      List<String> vectors = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("# ")) {
          vectors.add(line.replace("\\n", "\n"));
        }
      }
      return vectors;
    }
  }
}
