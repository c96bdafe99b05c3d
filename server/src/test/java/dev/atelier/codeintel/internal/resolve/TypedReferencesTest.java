package dev.atelier.codeintel.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.CodeParsers;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.codeintel.internal.resolve.FileFacts.Ref;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * References resolved through declared types, from real parses of small sources: the member is
 * looked up on the receiver's type (and its supertypes), not guessed by name.
 */
class TypedReferencesTest {

  static CodeParser parser;

  @BeforeAll
  static void open() {
    parser = CodeParsers.create();
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  private static final String CACHE =
      """
      package p;
      class Cache {
        void put(int key) {}
      }
      """;
  private static final String STORE =
      """
      package p;
      class Store {
        void put(int key) {}
      }
      """;

  @Test
  void resolvesCallOnLocalOfDeclaredType() {
    ResolutionCore core =
        core(
            "p/Cache.java", CACHE,
            "p/Store.java", STORE,
            "p/User.java",
                """
                package p;
                class User {
                  void use() {
                    Cache cache = new Cache();
                    cache.put(1);
                  }
                }
                """);
    assertThat(resolved(core, "p/User.java", "put")).containsExactly("p.Cache.put");
  }

  @Test
  void resolvesCallOnFieldParameterAndThisField() {
    ResolutionCore core =
        core(
            "p/Cache.java", CACHE,
            "p/Store.java", STORE,
            "p/User.java",
                """
                package p;
                class User {
                  private final Store store = new Store();
                  void use(Cache given) {
                    store.put(1);
                    this.store.put(2);
                    given.put(3);
                  }
                }
                """);
    assertThat(resolved(core, "p/User.java", "put"))
        .containsExactly("p.Store.put", "p.Store.put", "p.Cache.put");
  }

  @Test
  void resolvesInheritedMethodsOnTheSupertype() {
    ResolutionCore core =
        core(
            "p/Base.java",
                """
                package p;
                class Base {
                  void run() {}
                }
                """,
            "p/Store.java",
                """
                package p;
                class Store {
                  void run() {}
                }
                """,
            "p/Derived.java",
                """
                package p;
                class Derived extends Base {
                  void go(Derived other) {
                    other.run();
                    run();
                    super.run();
                  }
                }
                """);
    assertThat(resolved(core, "p/Derived.java", "run"))
        .containsExactly("p.Base.run", "p.Base.run", "p.Base.run");
  }

  @Test
  void keepsOnlyTheOverloadsThatTakeTheArguments() {
    ResolutionCore core =
        core(
            "p/Checks.java",
            """
            package p;
            class Checks {
              static void check(Object a) {}
              static void check(Object a, String b) {}
              static void check(Object a, String b, Object... rest) {}
              void use() {
                check(1);
                check(1, "b");
                check(1, "b", 2, 3);
              }
            }
            """);
    List<List<String>> perCall = resolvedPerCall(core, "p/Checks.java", "check");
    assertThat(perCall)
        .containsExactly(
            List.of("p.Checks.check"), List.of("p.Checks.check"), List.of("p.Checks.check"));
    assertThat(Arity.parameters("static void check(Object a, Map<K, V> b, String... c)"))
        .isEqualTo(-2 - 3);
    assertThat(Arity.accepts(-2 - 3, 2)).isTrue();
    assertThat(Arity.accepts(-2 - 3, 1)).isFalse();
  }

  @Test
  void leavesCallsOnTypesOutsideTheBranchUnresolved() {
    ResolutionCore core =
        core(
            "p/Text.java",
            """
            package p;
            class Text {
              String trim() { return ""; }
              void use(String s) {
                s.trim();
              }
            }
            """);
    assertThat(resolvedPerCall(core, "p/Text.java", "trim")).containsExactly(List.of());
  }

  @Test
  void resolvesGoCallsOnReceiversParametersAndCompositeLiterals() {
    ResolutionCore core =
        core(
            "srv/server.go",
            """
            package srv

            type Server struct{}
            type Client struct{}

            func (s *Server) handle() {}
            func (c *Client) handle() {}

            func (s *Server) Serve(c *Client) {
            	s.handle()
            	c.handle()
            	other := &Server{}
            	other.handle()
            }
            """);
    assertThat(resolved(core, "srv/server.go", "handle"))
        .containsExactly("srv.Server.handle", "srv.Client.handle", "srv.Server.handle");
  }

  @Test
  void resolvesGoMethodsPromotedFromEmbeddedFields() {
    ResolutionCore core =
        core(
            "srv/conn.go",
                """
                package srv

                type inner struct{}

                func (i *inner) Close() error { return nil }

                type Conn struct {
                	inner
                }
                """,
            "srv/other.go",
                """
                package srv

                type File struct{}

                func (f *File) Close() error { return nil }

                func use(c Conn) {
                	c.Close()
                }
                """);
    assertThat(resolved(core, "srv/other.go", "Close")).containsExactly("srv.inner.Close");
  }

  // ---------------------------------------------------------------------------------------------

  private static ResolutionCore core(String... pathsAndSources) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndSources.length; i += 2) {
      sources.put(pathsAndSources[i], pathsAndSources[i + 1]);
    }
    List<FileFacts> files = new ArrayList<>();
    sources.forEach(
        (path, text) -> files.add(FileFacts.of(path, parser.parse(Language.ofPath(path), text))));
    return new ResolutionCore(files, Map.of());
  }

  /** The qualified names of the resolved (not guessed) targets of the file's calls of a name. */
  private static List<String> resolved(ResolutionCore core, String path, String name) {
    return resolvedPerCall(core, path, name).stream().flatMap(List::stream).toList();
  }

  private static List<List<String>> resolvedPerCall(ResolutionCore core, String path, String name) {
    int file = core.fileOf(path);
    List<Ref> refs = core.file(file).refs();
    List<List<String>> out = new ArrayList<>();
    for (int r = 0; r < refs.size(); r++) {
      if (refs.get(r).name().equals(name)
          && refs.get(r).kind() == dev.atelier.codeintel.RefKind.CALL) {
        out.add(
            core.resolve(file, r).stream()
                .filter(t -> t.confidence() >= ReferenceConfidence.GUESS_BELOW)
                .map(t -> core.file(t.file()).symbols().get(t.symbol()).qualifiedName())
                .toList());
      }
    }
    return out;
  }
}
