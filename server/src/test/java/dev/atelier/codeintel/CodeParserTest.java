package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodeParserTest {

  static CodeParser parser;
  static CodeParser bonede;

  @BeforeAll
  static void open() {
    parser = CodeParsers.create();
    bonede = CodeParsers.create(CodeParsers.Backend.BONEDE);
  }

  @AfterAll
  static void close() {
    parser.close();
    bonede.close();
  }

  static String fixture(String name) {
    try (InputStream in = CodeParserTest.class.getResourceAsStream("/codeintel/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ParsedFile parse(Language language, String fixture) {
    return parser.parse(language, fixture(fixture));
  }

  static SymbolDef symbol(ParsedFile file, String qualifiedName) {
    return file.symbols().stream()
        .filter(s -> s.qualifiedName().equals(qualifiedName))
        .findFirst()
        .orElseThrow(() ->
            new AssertionError(
                qualifiedName
                    + " not among "
                    + file.symbols().stream().map(SymbolDef::qualifiedName).toList()));
  }

  static List<String> refs(ParsedFile file, RefKind kind) {
    return file.references().stream()
        .filter(r -> r.kind() == kind)
        .map(r -> r.qualifier() == null ? r.name() : r.qualifier() + "." + r.name())
        .toList();
  }

  static List<String> imports(ParsedFile file) {
    return file.imports().stream()
        .map(i -> i.alias() == null ? i.target() : i.target() + " as " + i.alias())
        .toList();
  }

  @Test
  void picksTheOptimisedBackendWhenTheNativesShip() {
    assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(22);
    assumeThat(CodeParserTest.class.getResource("/natives/linux-x86_64/libatelier-treesitter.so"))
        .isNotNull();
    assertThat(parser.backend()).isEqualTo("tree-sitter-o2");
    assertThat(bonede.backend()).isEqualTo("bonede");
  }

  @Test
  void javaYieldsPackageSymbolsWithContainersSignaturesAndDocs() {
    ParsedFile f = parse(Language.JAVA, "Cache.java");
    assertThat(f.packageName()).isEqualTo("com.x.cache");
    SymbolDef cache = symbol(f, "com.x.cache.Cache");
    assertThat(cache.kind()).isEqualTo(SymbolKind.CLASS);
    assertThat(cache.container()).isNull();
    assertThat(cache.doc()).isEqualTo("A small cache.\nKeeps entries.");
    assertThat(cache.range().startLine()).isEqualTo(8);
    assertThat(cache.nameRange().startLine()).isEqualTo(8);
    assertThat(cache.nameRange().startColumn()).isEqualTo(13);
    SymbolDef put = symbol(f, "com.x.cache.Cache.put");
    assertThat(put.kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(put.container()).isEqualTo("com.x.cache.Cache");
    assertThat(put.signature()).isEqualTo("@Override public V put(K key, V value)");
    assertThat(put.doc()).isEqualTo("Puts a value.");
    assertThat(symbol(f, "com.x.cache.Cache.Cache").kind()).isEqualTo(SymbolKind.CONSTRUCTOR);
    assertThat(symbol(f, "com.x.cache.Cache.map").kind()).isEqualTo(SymbolKind.FIELD);
    assertThat(symbol(f, "com.x.cache.Cache.Mode.FAST").kind()).isEqualTo(SymbolKind.ENUM_MEMBER);
    assertThat(symbol(f, "com.x.cache.Cache.Entry").kind()).isEqualTo(SymbolKind.RECORD);
    assertThat(symbol(f, "com.x.cache.Cache.Listener.on").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(imports(f)).containsExactly("java.util.*", "java.util.Map.entry");
    assertThat(refs(f, RefKind.CALL)).contains("Helper.check", "map.put", "HashMap");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base", "Store", "Closeable");
    assertThat(refs(f, RefKind.TYPE)).contains("Map", "Override", "Event");
  }

  @Test
  void pythonYieldsClassesMethodsDocstringsAndImports() {
    ParsedFile f = parse(Language.PYTHON, "cache.py");
    SymbolDef cache = symbol(f, "Cache");
    assertThat(cache.kind()).isEqualTo(SymbolKind.CLASS);
    assertThat(cache.doc()).isEqualTo("A small cache.");
    assertThat(cache.signature()).isEqualTo("class Cache(Base, metaclass=Meta)");
    assertThat(symbol(f, "Cache.__init__").kind()).isEqualTo(SymbolKind.CONSTRUCTOR);
    assertThat(symbol(f, "Cache.size").doc()).isEqualTo("Number of entries.");
    assertThat(symbol(f, "Cache.put").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(symbol(f, "make_cache").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(symbol(f, "make_cache").signature()).isEqualTo("def make_cache(size=MAX_SIZE)");
    assertThat(symbol(f, "MAX_SIZE").kind()).isEqualTo(SymbolKind.VARIABLE);
    assertThat(imports(f))
        .containsExactly(
            "os",
            "os.path as osp",
            "collections.OrderedDict",
            "collections.defaultdict as dd",
            ".util");
    assertThat(refs(f, RefKind.CALL)).contains("util.check", "OrderedDict", "Cache", "len");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base");
  }

  @Test
  void javascriptYieldsClassesFunctionsAndModuleImports() {
    ParsedFile f = parse(Language.JAVASCRIPT, "cache.js");
    assertThat(symbol(f, "Cache").kind()).isEqualTo(SymbolKind.CLASS);
    assertThat(symbol(f, "Cache").doc()).isEqualTo("A small cache.");
    assertThat(symbol(f, "Cache.constructor").kind()).isEqualTo(SymbolKind.CONSTRUCTOR);
    assertThat(symbol(f, "Cache.put").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(symbol(f, "Cache.put").doc()).isEqualTo("Puts a value.");
    assertThat(symbol(f, "makeCache").doc()).isEqualTo("Builds a cache.");
    assertThat(symbol(f, "handler").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(symbol(f, "DEFAULT_SIZE").kind()).isEqualTo(SymbolKind.VARIABLE);
    assertThat(imports(f)).containsExactly("fs", "path as path", "./util.js as Default", "os");
    assertThat(refs(f, RefKind.CALL)).contains("helpers.check", "this.map.set", "Cache", "Map");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base");
  }

  @Test
  void typescriptYieldsInterfacesAliasesEnumsAndNamespaces() {
    ParsedFile f = parse(Language.TYPESCRIPT, "cache.ts");
    assertThat(symbol(f, "CacheOptions").kind()).isEqualTo(SymbolKind.INTERFACE);
    assertThat(symbol(f, "CacheOptions.get").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(symbol(f, "CacheOptions.size").kind()).isEqualTo(SymbolKind.PROPERTY);
    assertThat(symbol(f, "Key").kind()).isEqualTo(SymbolKind.TYPE_ALIAS);
    assertThat(symbol(f, "Mode.Slow").kind()).isEqualTo(SymbolKind.ENUM_MEMBER);
    assertThat(symbol(f, "Cache.put").signature()).isEqualTo("put(key: Key, value: V): void");
    assertThat(symbol(f, "Cache.map").kind()).isEqualTo(SymbolKind.FIELD);
    assertThat(symbol(f, "Internal").kind()).isEqualTo(SymbolKind.NAMESPACE);
    assertThat(symbol(f, "Internal.VERSION").kind()).isEqualTo(SymbolKind.VARIABLE);
    assertThat(imports(f)).containsExactly("./store", "./options");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Options", "Base", "Store");
    assertThat(refs(f, RefKind.TYPE)).contains("CacheOptions", "Key", "Map");
    // The class's own name is a definition, not a type use.
    assertThat(f.references())
        .extracting(NameRef::range)
        .doesNotContain(symbol(f, "Cache").nameRange());
    assertThat(refs(f, RefKind.CALL)).contains("validate", "this.map.set", "Cache");
  }

  @Test
  void tsxYieldsComponentsAndJsxUses() {
    ParsedFile f = parse(Language.TSX, "View.tsx");
    assertThat(symbol(f, "CacheView").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(symbol(f, "CacheView").doc()).isEqualTo("Shows the cache.");
    assertThat(symbol(f, "Panel.render").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(imports(f)).containsExactly("react as React", "./cache");
    assertThat(refs(f, RefKind.CALL)).contains("React.useState", "CacheView", "render");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Component");
  }

  @Test
  void goYieldsPackageReceiversAndAliasedImports() {
    ParsedFile f = parse(Language.GO, "cache.go");
    assertThat(f.packageName()).isEqualTo("cache");
    SymbolDef put = symbol(f, "cache.Cache.Put");
    assertThat(put.kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(put.container()).isEqualTo("cache.Cache");
    assertThat(put.signature()).isEqualTo("func (c *Cache) Put(key string, value Item) error");
    assertThat(put.doc()).isEqualTo("Put stores a value.");
    assertThat(symbol(f, "cache.Cache").kind()).isEqualTo(SymbolKind.STRUCT);
    assertThat(symbol(f, "cache.Cache").signature()).isEqualTo("type Cache struct");
    assertThat(symbol(f, "cache.Cache.items").kind()).isEqualTo(SymbolKind.FIELD);
    assertThat(symbol(f, "cache.Store").kind()).isEqualTo(SymbolKind.INTERFACE);
    assertThat(symbol(f, "cache.Key").kind()).isEqualTo(SymbolKind.TYPE_ALIAS);
    assertThat(symbol(f, "cache.MaxSize").kind()).isEqualTo(SymbolKind.CONSTANT);
    assertThat(symbol(f, "cache.MaxSize").doc()).isEqualTo("MaxSize bounds the cache.");
    assertThat(symbol(f, "cache.New").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(imports(f)).containsExactly("fmt", "strings as str");
    assertThat(refs(f, RefKind.CALL)).contains("fmt.Println", "str.ToUpper", "c.evict", "New");
    assertThat(refs(f, RefKind.TYPE)).contains("Item", "Cache");
  }

  @Test
  void rustYieldsImplMethodsTraitsAndUseTrees() {
    ParsedFile f = parse(Language.RUST, "cache.rs");
    assertThat(symbol(f, "Cache").kind()).isEqualTo(SymbolKind.STRUCT);
    assertThat(symbol(f, "Cache").doc()).isEqualTo("A small cache.");
    assertThat(symbol(f, "Cache::new").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(symbol(f, "Cache::new").doc()).isEqualTo("Makes a cache.");
    assertThat(symbol(f, "Cache::put").signature())
        .isEqualTo("pub fn put(&mut self, key: String, value: V)");
    assertThat(symbol(f, "Evict").kind()).isEqualTo(SymbolKind.TRAIT);
    assertThat(symbol(f, "Mode::Fast").kind()).isEqualTo(SymbolKind.ENUM_MEMBER);
    assertThat(symbol(f, "MAX_SIZE").kind()).isEqualTo(SymbolKind.CONSTANT);
    assertThat(symbol(f, "inner::helper").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(symbol(f, "cached").kind()).isEqualTo(SymbolKind.MACRO);
    assertThat(symbol(f, "make").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(imports(f))
        .containsExactly(
            "std::collections::HashMap", "crate::store::Store", "crate::store::Entry as E");
    assertThat(refs(f, RefKind.CALL)).contains("helpers.check", "HashMap.new", "Cache.new");
    assertThat(refs(f, RefKind.INHERIT)).contains("Evict", "Clone");
  }

  @Test
  void rustItemsInsideItemMacrosAreIndexedWhereTheyStand() {
    String source =
        """
        macro_rules! cfg_rt {
            ($($item:item)*) => { $( #[cfg(feature = "rt")] $item )* }
        }

        cfg_rt! {
            /// Spawns a task.
            pub fn spawn<T>(future: T) -> JoinHandle<T> { JoinHandle::new(future) }

            cfg_net! {
                pub struct TcpStream { fd: i32 }
            }
        }

        impl Handle {
            cfg_rt! {
                pub fn block_on(&self) -> char { '}' }
            }
        }

        lazy_static! { static ref COUNT: u32 = 0; }
        """;

    ParsedFile f = parser.parse(Language.RUST, source);

    SymbolDef spawn = symbol(f, "spawn");
    assertThat(spawn.kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(spawn.doc()).isEqualTo("Spawns a task.");
    assertThat(spawn.range().startLine()).isEqualTo(7);
    assertThat(spawn.signature()).isEqualTo("pub fn spawn<T>(future: T) -> JoinHandle<T>");
    assertThat(symbol(f, "TcpStream").kind()).isEqualTo(SymbolKind.STRUCT);
    assertThat(symbol(f, "Handle::block_on").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(symbol(f, "cfg_rt").kind())
        .as("the macro's own definition")
        .isEqualTo(SymbolKind.MACRO);
    assertThat(source.substring(spawn.range().startByte(), spawn.range().endByte()))
        .as("offsets still point into the file as written")
        .startsWith("pub fn spawn");
  }

  @Test
  void cYieldsFunctionsStructsMacrosAndIncludes() {
    ParsedFile f = parse(Language.C, "cache.c");
    SymbolDef put = symbol(f, "cache_put");
    assertThat(put.kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(put.signature())
        .isEqualTo("int cache_put(struct cache *c, const char *key, int value)");
    assertThat(put.doc()).isEqualTo("Puts a value.");
    assertThat(symbol(f, "cache_new").doc()).isEqualTo("Makes a cache.");
    assertThat(symbol(f, "entry").kind()).isEqualTo(SymbolKind.STRUCT);
    assertThat(symbol(f, "entry.key").kind()).isEqualTo(SymbolKind.FIELD);
    assertThat(symbol(f, "entry_t").kind()).isEqualTo(SymbolKind.TYPE_ALIAS);
    assertThat(symbol(f, "MAX_SIZE").kind()).isEqualTo(SymbolKind.MACRO);
    assertThat(symbol(f, "mode.FAST").kind()).isEqualTo(SymbolKind.ENUM_MEMBER);
    assertThat(imports(f)).containsExactly("stdio.h", "cache.h");
    assertThat(refs(f, RefKind.CALL)).contains("printf", "make_entry", "c->ops.store");
    assertThat(refs(f, RefKind.TYPE)).contains("entry_t");
  }

  @Test
  void cppYieldsNamespacesClassesAndOutOfLineMethods() {
    ParsedFile f = parse(Language.CPP, "cache.cpp");
    assertThat(symbol(f, "store").kind()).isEqualTo(SymbolKind.NAMESPACE);
    assertThat(symbol(f, "store::Cache").kind()).isEqualTo(SymbolKind.CLASS);
    assertThat(symbol(f, "store::Cache").doc()).isEqualTo("A small cache.");
    assertThat(
            f.symbols().stream()
                .filter(s -> s.qualifiedName().equals("store::Cache::put"))
                .map(SymbolDef::signature))
        .containsExactly(
            "void put(const std::string& key, int value)",
            "void Cache::put(const std::string& key, int value)");
    assertThat(symbol(f, "store::Cache::map_").kind()).isEqualTo(SymbolKind.FIELD);
    assertThat(symbol(f, "store::Entry").kind()).isEqualTo(SymbolKind.STRUCT);
    assertThat(symbol(f, "store::make").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(imports(f)).containsExactly("map", "cache.hpp");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base", "Evictable");
    assertThat(refs(f, RefKind.CALL)).contains("check", "map_.insert", "helpers.log");
  }

  @Test
  void csharpYieldsNamespacedTypesPropertiesAndUsings() {
    ParsedFile f = parse(Language.CSHARP, "Cache.cs");
    assertThat(symbol(f, "Acme.Caching").kind()).isEqualTo(SymbolKind.NAMESPACE);
    SymbolDef cache = symbol(f, "Acme.Caching.Cache");
    assertThat(cache.kind()).isEqualTo(SymbolKind.CLASS);
    assertThat(cache.doc()).isEqualTo("A small cache.");
    assertThat(symbol(f, "Acme.Caching.Cache.Put").signature())
        .isEqualTo("public void Put(string key, V value)");
    assertThat(symbol(f, "Acme.Caching.Cache.Count").kind()).isEqualTo(SymbolKind.PROPERTY);
    assertThat(symbol(f, "Acme.Caching.Cache.Cache").kind()).isEqualTo(SymbolKind.CONSTRUCTOR);
    assertThat(symbol(f, "Acme.Caching.IStore").kind()).isEqualTo(SymbolKind.INTERFACE);
    assertThat(symbol(f, "Acme.Caching.Point").kind()).isEqualTo(SymbolKind.STRUCT);
    assertThat(symbol(f, "Acme.Caching.Entry").kind()).isEqualTo(SymbolKind.RECORD);
    assertThat(imports(f))
        .containsExactly("System", "System.Collections.Generic", "System.Text.Json as Json");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base", "IStore");
    assertThat(refs(f, RefKind.CALL)).contains("Helpers.Check", "map.Add", "Dictionary");
  }

  @Test
  void rubyYieldsModulesClassesMethodsAndRequires() {
    ParsedFile f = parse(Language.RUBY, "cache.rb");
    assertThat(symbol(f, "Caching").kind()).isEqualTo(SymbolKind.MODULE);
    assertThat(symbol(f, "Caching::Cache").doc()).isEqualTo("A small cache.");
    assertThat(symbol(f, "Caching::Cache::put").kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(symbol(f, "Caching::Cache::put").signature()).isEqualTo("def put(key, value)");
    assertThat(symbol(f, "Caching::Cache::put").doc()).isEqualTo("Puts a value.");
    assertThat(symbol(f, "Caching::Cache::initialize").kind()).isEqualTo(SymbolKind.CONSTRUCTOR);
    assertThat(symbol(f, "Caching::Cache::MAX_SIZE").kind()).isEqualTo(SymbolKind.CONSTANT);
    assertThat(symbol(f, "Caching::Cache::size").kind()).isEqualTo(SymbolKind.PROPERTY);
    assertThat(symbol(f, "Caching::Cache::size").signature()).isEqualTo("attr_reader :size");
    assertThat(imports(f))
        .as("requires, and the mixin: include makes a dependency on the module's file")
        .containsExactly("json", "store", "Enumerable");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base", "Enumerable");
    assertThat(refs(f, RefKind.CALL)).contains("Helpers.check", "@map.store");
  }

  @Test
  void kotlinYieldsClassesObjectsFunctionsAndAliasedImports() {
    ParsedFile f = parse(Language.KOTLIN, "Cache.kt");
    assertThat(f.packageName()).isEqualTo("com.acme.cache");
    assertThat(symbol(f, "com.acme.cache.Cache").kind()).isEqualTo(SymbolKind.CLASS);
    assertThat(symbol(f, "com.acme.cache.Cache").doc()).isEqualTo("A small cache.");
    SymbolDef put = symbol(f, "com.acme.cache.Cache.put");
    assertThat(put.kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(put.signature()).isEqualTo("override fun put(key: String, value: V)");
    assertThat(put.doc()).isEqualTo("Puts a value.");
    assertThat(symbol(f, "com.acme.cache.Cache.size").kind()).isEqualTo(SymbolKind.PROPERTY);
    assertThat(symbol(f, "com.acme.cache.Store").kind()).isEqualTo(SymbolKind.INTERFACE);
    assertThat(symbol(f, "com.acme.cache.Mode").kind()).isEqualTo(SymbolKind.ENUM);
    assertThat(symbol(f, "com.acme.cache.Key").kind()).isEqualTo(SymbolKind.TYPE_ALIAS);
    assertThat(symbol(f, "com.acme.cache.makeCache").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(imports(f))
        .containsExactly("java.util.concurrent.ConcurrentHashMap", "kotlin.math.max as maximum");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base", "Store");
    assertThat(refs(f, RefKind.CALL)).contains("Helpers.check", "map.put", "ConcurrentHashMap");
  }

  @Test
  void phpYieldsNamespacedClassesMethodsAndUses() {
    ParsedFile f = parse(Language.PHP, "Cache.php");
    assertThat(f.packageName()).isEqualTo("App\\Caching");
    assertThat(symbol(f, "App\\Caching\\Cache").doc()).isEqualTo("A small cache.");
    SymbolDef put = symbol(f, "App\\Caching\\Cache::put");
    assertThat(put.kind()).isEqualTo(SymbolKind.METHOD);
    assertThat(put.signature()).isEqualTo("public function put(string $key, $value): void");
    assertThat(symbol(f, "App\\Caching\\Logs").kind()).isEqualTo(SymbolKind.TRAIT);
    assertThat(symbol(f, "App\\Caching\\make_cache").kind()).isEqualTo(SymbolKind.FUNCTION);
    assertThat(imports(f)).containsExactly("App\\Store\\StoreInterface", "App\\Util\\Helpers as H");
    assertThat(refs(f, RefKind.INHERIT)).containsExactly("Base", "StoreInterface");
    assertThat(refs(f, RefKind.CALL)).contains("H.check", "$this.store", "Entry");
  }

  @Test
  void fileWithSyntaxErrorsStillYieldsRecoveredSymbols() {
    String broken =
        """
        package p;
        class Good {
          void ok() { run(); }
        }
        class Bad {
          void half( { int x = ; }
          void after() { done(); }
        }
        """;
    ParsedFile f = parser.parse(Language.JAVA, broken);
    assertThat(f.syntaxErrors()).isNotEmpty();
    assertThat(f.symbols()).extracting(SymbolDef::name).contains("Good", "ok", "Bad", "after");
    assertThat(refs(f, RefKind.CALL)).contains("run", "done");
  }

  @Test
  void syntaxErrorsAreBounded() {
    String garbage = "def (((( ]]] }}} ;;; class ".repeat(2000);
    ParsedFile f = parser.parse(Language.PYTHON, garbage);
    assertThat(f.syntaxErrors()).isNotEmpty().hasSizeLessThanOrEqualTo(50);
  }

  @Test
  void deeplyNestedSourceDoesNotOverflowTheStack() {
    String nested = "x = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
    ParsedFile f = parser.parse(Language.PYTHON, nested);
    assertThat(f.symbols()).extracting(SymbolDef::name).containsExactly("x");
    String unclosed = "int f() {" + "{".repeat(20_000);
    assertThat(parser.parse(Language.C, unclosed).syntaxErrors()).isNotEmpty();
  }

  @Test
  void textYieldsNothing() {
    assertThat(parser.parse(Language.TEXT, "class A {}")).isEqualTo(ParsedFile.text());
    assertThat(bonede.parse(Language.TEXT, "class A {}")).isEqualTo(ParsedFile.text());
  }

  @Test
  void rangesAreUtf8ByteOffsets() {
    String src = "// é€😀\nclass Ünïcode { void ß() {} }\n";
    ParsedFile f = parser.parse(Language.JAVA, src);
    SymbolDef method = symbol(f, "Ünïcode.ß");
    byte[] bytes = src.getBytes(StandardCharsets.UTF_8);
    SourceRange name = method.nameRange();
    assertThat(
            new String(
                bytes, name.startByte(), name.endByte() - name.startByte(), StandardCharsets.UTF_8))
        .isEqualTo("ß");
    assertThat(name.startLine()).isEqualTo(2);
    assertThat(bonede.parse(Language.JAVA, src)).isEqualTo(f);
  }

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"TEXT"},
      mode = EnumSource.Mode.EXCLUDE)
  void bothBackendsAgree(Language language) {
    String name =
        switch (language) {
          case JAVA -> "Cache.java";
          case PYTHON -> "cache.py";
          case JAVASCRIPT -> "cache.js";
          case TYPESCRIPT -> "cache.ts";
          case TSX -> "View.tsx";
          case GO -> "cache.go";
          case RUST -> "cache.rs";
          case C -> "cache.c";
          case CPP -> "cache.cpp";
          case CSHARP -> "Cache.cs";
          case RUBY -> "cache.rb";
          case KOTLIN -> "Cache.kt";
          case PHP -> "Cache.php";
          case TEXT -> throw new IllegalStateException();
        };
    String src = fixture(name);
    ParsedFile fast = parser.parse(language, src);
    assertThat(fast.symbols()).isNotEmpty();
    assertThat(bonede.parse(language, src)).isEqualTo(fast);
  }

  @Test
  void concurrentParsingGivesIdenticalResults() throws Exception {
    List<String> names = List.of("Cache.java", "cache.go", "cache.py", "cache.rs", "cache.ts");
    List<Language> languages =
        List.of(Language.JAVA, Language.GO, Language.PYTHON, Language.RUST, Language.TYPESCRIPT);
    List<ParsedFile> expected = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      expected.add(parse(languages.get(i), names.get(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        for (CodeParser p : List.of(parser, bonede)) {
          runs.add(
              pool.submit(() -> {
                for (int round = 0; round < 50; round++) {
                  for (int i = 0; i < names.size(); i++) {
                    int k = (i + round) % names.size();
                    if (!p.parse(languages.get(k), fixture(names.get(k))).equals(expected.get(k))) {
                      return false;
                    }
                  }
                }
                return true;
              }));
        }
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
