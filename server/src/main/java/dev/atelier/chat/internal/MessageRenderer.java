package dev.atelier.chat.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jspecify.annotations.Nullable;
import org.owasp.html.PolicyFactory;

/**
 * Renders a message's Markdown to HTML the web app shows as is: CommonMark with GFM tables,
 * strikethrough and autolinks; raw HTML in the source shown as text; people ({@code <@12>}) and
 * code ({@code [[repo:path#L10-20]]}) turned into links; then everything passed through an
 * allow-list sanitiser, so nothing the author writes can run in a reader's browser.
 */
public final class MessageRenderer {

  /** A person named in a body with {@code <@ID>}. */
  public record Mention(long userId, String displayName) {}

  /** A link into the code browser made from {@code [[...]]}. */
  public record CodeLink(
      String repository,
      long repositoryId,
      @Nullable String path,
      @Nullable Integer startLine,
      @Nullable Integer endLine,
      @Nullable String symbol,
      String href) {}

  public record Rendered(String html, List<Mention> mentions, List<CodeLink> codeLinks) {}

  /**
   * What rendering may link to: the members a body may mention (id to display name; other ids stay
   * text) and the org's repositories (name to id; other names stay text).
   */
  public record Context(Map<Long, String> members, Map<String, Long> repositories) {}

  static final Pattern TOKENS =
      Pattern.compile("<@([0-9]{1,18})>|\\[\\[([^\\[\\]\\s]{1,400})\\]\\]");

  private static final Pattern CODE_REF =
      Pattern.compile(
          "([A-Za-z0-9._-]{1,200})(?:::([^:#\\s][^#\\s]{0,299})|:([^:#\\s][^#\\s]{0,299})"
              + "(?:#L([0-9]{1,7})(?:-L?([0-9]{1,7}))?)?)?");

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .softbreak("<br>\n")
          .attributeProviderFactory(context -> MessageRenderer::externalLinks)
          .nodeRendererFactory(ChatLinkRenderer::new)
          .build();
  private final PolicyFactory policy = ChatHtmlPolicy.POLICY;

  public Rendered render(String body, Context context) {
    Node document = parser.parse(body);
    Map<Long, Mention> mentions = new LinkedHashMap<>();
    Map<String, CodeLink> codeLinks = new LinkedHashMap<>();
    for (Text text : texts(document)) {
      Matcher tokens = TOKENS.matcher(text.getLiteral());
      List<Node> replacement = new ArrayList<>();
      int at = 0;
      while (tokens.find()) {
        Node link = null;
        if (tokens.group(1) != null) {
          long userId = Long.parseLong(tokens.group(1));
          String name = context.members().get(userId);
          if (name != null) {
            mentions.putIfAbsent(userId, new Mention(userId, name));
            link = new MentionNode(userId, name);
          }
        } else {
          CodeLink code = codeLink(tokens.group(2), context.repositories());
          if (code != null) {
            codeLinks.putIfAbsent(tokens.group(2), code);
            link = new CodeLinkNode(code.href(), tokens.group(2));
          }
        }
        if (link != null) {
          if (tokens.start() > at) {
            replacement.add(new Text(text.getLiteral().substring(at, tokens.start())));
          }
          replacement.add(link);
          at = tokens.end();
        }
      }
      if (!replacement.isEmpty()) {
        if (at < text.getLiteral().length()) {
          replacement.add(new Text(text.getLiteral().substring(at)));
        }
        for (Node node : replacement) {
          text.insertBefore(node);
        }
        text.unlink();
      }
    }
    String html = policy.sanitize(renderer.render(document));
    return new Rendered(html, List.copyOf(mentions.values()), List.copyOf(codeLinks.values()));
  }

  /** The ids a body mentions with {@code <@ID>}, outside code and links. */
  public Set<Long> mentionedIds(String body) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String token : tokens(body)) {
      if (token.startsWith("<@")) {
        ids.add(Long.parseLong(token.substring(2, token.length() - 1)));
      }
    }
    return ids;
  }

  /** Whether a body may link code (so repositories need looking up). */
  public static boolean mayLinkCode(String body) {
    return body.contains("[[");
  }

  private List<String> tokens(String body) {
    List<String> found = new ArrayList<>();
    for (Text text : texts(parser.parse(body))) {
      Matcher tokens = TOKENS.matcher(text.getLiteral());
      while (tokens.find()) {
        found.add(tokens.group());
      }
    }
    return found;
  }

  // Text outside links: a link's own text is not linked again. Code is never Text.
  private static List<Text> texts(Node document) {
    List<Text> texts = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            texts.add(text);
          }

          @Override
          public void visit(Link link) {}
        });
    return texts;
  }

  static @Nullable CodeLink codeLink(String reference, Map<String, Long> repositories) {
    Matcher parts = CODE_REF.matcher(reference);
    if (!parts.matches()) {
      return null;
    }
    String repository = parts.group(1);
    Long id = repositories.get(repository);
    if (id == null) {
      return null;
    }
    String symbol = parts.group(2);
    String path = parts.group(3);
    if (symbol != null) {
      return new CodeLink(
          repository,
          id,
          null,
          null,
          null,
          symbol,
          "/repos/" + id + "/search?q=" + WebUrls.component(symbol) + "&mode=symbol");
    }
    if (path == null) {
      return new CodeLink(repository, id, null, null, null, null, "/repos/" + id + "/code");
    }
    Integer start = parts.group(4) == null ? null : Integer.valueOf(parts.group(4));
    Integer end = parts.group(5) == null ? start : Integer.valueOf(parts.group(5));
    String hash = "";
    if (start != null && end != null) {
      if (start < 1 || end < 1) {
        return null;
      }
      int from = Math.min(start, end);
      int to = Math.max(start, end);
      start = from;
      end = to;
      hash = from == to ? "#L" + from : "#L" + from + "-L" + to;
    }
    return new CodeLink(
        repository,
        id,
        path,
        start,
        end,
        null,
        "/repos/" + id + "/code/" + WebUrls.path(path) + hash);
  }

  // External links open in a new tab and pass no referrer trust along.
  private static void externalLinks(Node node, String tagName, Map<String, String> attributes) {
    if (node instanceof Link link && WebUrls.isExternal(link.getDestination())) {
      attributes.put("target", "_blank");
      attributes.put("rel", "nofollow noopener");
    }
  }

  static final class MentionNode extends CustomNode {
    final long userId;
    final String displayName;

    MentionNode(long userId, String displayName) {
      this.userId = userId;
      this.displayName = displayName;
    }
  }

  static final class CodeLinkNode extends CustomNode {
    final String href;
    final String label;

    CodeLinkNode(String href, String label) {
      this.href = href;
      this.label = label;
    }
  }

  /** Writes mentions and code links as anchors; the writer escapes text and attributes. */
  private static final class ChatLinkRenderer implements NodeRenderer {
    private final HtmlWriter html;

    ChatLinkRenderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(MentionNode.class, CodeLinkNode.class);
    }

    @Override
    public void render(Node node) {
      Map<String, String> attributes = new LinkedHashMap<>();
      String label;
      if (node instanceof MentionNode mention) {
        attributes.put("class", "mention");
        attributes.put("data-user-id", Long.toString(mention.userId));
        attributes.put("href", "/settings/members");
        label = "@" + mention.displayName;
      } else {
        CodeLinkNode code = (CodeLinkNode) node;
        attributes.put("class", "code-link");
        attributes.put("href", code.href);
        label = code.label;
      }
      html.tag("a", attributes);
      html.text(label);
      html.tag("/a");
    }
  }
}
