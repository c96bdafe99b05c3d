package dev.atelier.codeintel.internal.resolve;

import static dev.atelier.codeintel.internal.resolve.Facts.core;
import static dev.atelier.codeintel.internal.resolve.Facts.coreIn;
import static dev.atelier.codeintel.internal.resolve.Facts.dependencies;
import static dev.atelier.codeintel.internal.resolve.Facts.file;
import static dev.atelier.codeintel.internal.resolve.Facts.imports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.SymbolKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Import resolution per language, on the in-memory core. */
class ResolverImportsTest {

  @Test
  void javaImportsResolveByPackageAndClassWildcardsToThePackageAndTheRestIsExternal() {
    var core =
        core(
            file("src/main/java/com/x/cache/Cache.java")
                .pkg("com.x.cache")
                .sym("Cache", SymbolKind.CLASS, -1)
                .sym("Entry", SymbolKind.CLASS, 0),
            file("src/main/java/com/x/cache/Loader.java").pkg("com.x.cache"),
            file("src/main/java/com/x/app/App.java")
                .pkg("com.x.app")
                .imp("com.x.cache.Cache")
                .imp("com.x.cache.*")
                .imp("java.util.List")
                .imp("com.x.cache.Cache.Entry")
                .imp("static com.x.cache.Cache.create")
                .imp("com.x.missing.Thing"));
    String app = "src/main/java/com/x/app/App.java";
    assertThat(imports(core, app, 0)).containsExactly("src/main/java/com/x/cache/Cache.java");
    assertThat(imports(core, app, 1))
        .containsExactly(
            "src/main/java/com/x/cache/Cache.java", "src/main/java/com/x/cache/Loader.java");
    assertThat(imports(core, app, 2)).containsExactly("external:java.util");
    assertThat(imports(core, app, 3)).containsExactly("src/main/java/com/x/cache/Cache.java");
    assertThat(imports(core, app, 4)).containsExactly("src/main/java/com/x/cache/Cache.java");
    assertThat(imports(core, app, 5)).containsExactly("external:com.x.missing");
  }

  @Test
  void kotlinSharesTheJvmPackagesWithJava() {
    var core =
        core(
            file("lib/Pool.java").pkg("db").sym("Pool", SymbolKind.CLASS, -1),
            file("app/Main.kt").pkg("app").imp("db.Pool"));
    assertThat(imports(core, "app/Main.kt", 0)).containsExactly("lib/Pool.java");
  }

  @Test
  void pythonModulesResolveToFilesOrPackagesRelativeImportsToTheirFolder() {
    var core =
        core(
            file("pkg/__init__.py"),
            file("pkg/db.py"),
            file("pkg/sub/__init__.py"),
            file("pkg/sub/cache.py"),
            file("pkg/sub/user.py")
                .imp("pkg.db")
                .imp("pkg.sub")
                .imp(".cache")
                .imp("..db")
                .imp("os.path")
                .imp("pkg.db.connect")
                .imp(".nothing"));
    String user = "pkg/sub/user.py";
    assertThat(imports(core, user, 0)).containsExactly("pkg/db.py");
    assertThat(imports(core, user, 1)).containsExactly("pkg/sub/__init__.py");
    assertThat(imports(core, user, 2)).containsExactly("pkg/sub/cache.py");
    assertThat(imports(core, user, 3)).containsExactly("pkg/db.py");
    assertThat(imports(core, user, 4)).containsExactly("external:os");
    assertThat(imports(core, user, 5))
        .as("a name imported from a module")
        .containsExactly("pkg/db.py");
    assertThat(imports(core, user, 6)).containsExactly("pkg/sub/__init__.py");
  }

  @Test
  void pythonSourceLayoutsResolveUnderSrc() {
    var core =
        core(
            file("src/tool/__init__.py"),
            file("src/tool/run.py"),
            file("tests/test_run.py").imp("tool.run"));
    assertThat(imports(core, "tests/test_run.py", 0)).containsExactly("src/tool/run.py");
  }

  @Test
  void scriptRelativeSpecifiersTryExtensionsAndIndexBareOnesAreExternal() {
    var core =
        core(
            file("web/src/cache.ts"),
            file("web/src/util/index.ts"),
            file("web/src/model.tsx"),
            file("web/src/app.ts")
                .imp("./cache")
                .imp("./util")
                .imp("./model.js")
                .imp("react")
                .imp("@scope/pkg/sub")
                .imp("../missing"));
    String app = "web/src/app.ts";
    assertThat(imports(core, app, 0)).containsExactly("web/src/cache.ts");
    assertThat(imports(core, app, 1)).containsExactly("web/src/util/index.ts");
    assertThat(imports(core, app, 2)).containsExactly("web/src/model.tsx");
    assertThat(imports(core, app, 3)).containsExactly("external:react");
    assertThat(imports(core, app, 4)).containsExactly("external:@scope/pkg");
    assertThat(imports(core, app, 5)).containsExactly("unresolved");
  }

  @Test
  void goImportsResolveThroughTheModulePathOrAStandardLibraryFolder() {
    var core =
        core(
            Map.of("", "example.com/shop"),
            file("internal/db/db.go").pkg("db"),
            file("internal/db/pool.go").pkg("db"),
            file("src/net/http/server.go").pkg("http"),
            file("cmd/main.go")
                .pkg("main")
                .imp("example.com/shop/internal/db")
                .imp("net/http")
                .imp("github.com/lib/pq"));
    assertThat(imports(core, "cmd/main.go", 0))
        .containsExactly("internal/db/db.go", "internal/db/pool.go");
    assertThat(imports(core, "cmd/main.go", 1)).containsExactly("src/net/http/server.go");
    assertThat(imports(core, "cmd/main.go", 2)).containsExactly("external:github.com/lib/pq");
  }

  @Test
  void aRepositoryWhoseRootIsAPythonPackageIsImportedByItsFolderName() {
    var core =
        coreIn(
            "django",
            file("__init__.py"),
            file("db/__init__.py"),
            file("db/models.py"),
            file("views.py").imp("django.db.models").imp("django").imp("requests.models"));
    assertThat(imports(core, "views.py", 0)).containsExactly("db/models.py");
    assertThat(imports(core, "views.py", 1)).containsExactly("__init__.py");
    assertThat(imports(core, "views.py", 2)).containsExactly("external:requests");
  }

  @Test
  void aRootThatIsNoPackageLendsNoName() {
    var core =
        coreIn(
            "project",
            file("app/__init__.py"),
            file("app/models.py"),
            file("main.py").imp("project.app"));
    assertThat(imports(core, "main.py", 0)).containsExactly("external:project");
  }

  @Test
  void aGoPackageImportDependsOnlyOnTheFilesWhoseNamesItUses() {
    var core =
        core(
            Map.of("", "example.com/shop"),
            file("internal/db/db.go").pkg("db").sym("Open", SymbolKind.FUNCTION, -1),
            file("internal/db/pool.go").pkg("db").sym("Pool", SymbolKind.STRUCT, -1),
            file("internal/db/tx.go").pkg("db").sym("Begin", SymbolKind.FUNCTION, -1),
            file("cmd/main.go")
                .pkg("main")
                .imp("example.com/shop/internal/db")
                .ref("Open", RefKind.CALL, "db", -1)
                .ref("Pool", RefKind.TYPE, "db", -1)
                // a bare name reaches no imported Go package
                .ref("Begin", RefKind.CALL, null, -1),
            file("cmd/ping.go").pkg("main").imp("example.com/shop/internal/db"));
    assertThat(dependencies(core, "cmd/main.go", 0))
        .containsExactly("internal/db/db.go", "internal/db/pool.go");
    // an import whose names the file never uses still depends on the package, through one file
    assertThat(dependencies(core, "cmd/ping.go", 0)).containsExactly("internal/db/db.go");
    // resolution still sees the whole package
    assertThat(imports(core, "cmd/ping.go", 0)).hasSize(3);
  }

  @Test
  void aJavaWildcardImportDependsOnTheTypesTheFileNames() {
    var core =
        core(
            file("src/com/x/cache/Cache.java")
                .pkg("com.x.cache")
                .sym("Cache", SymbolKind.CLASS, -1),
            file("src/com/x/cache/Loader.java")
                .pkg("com.x.cache")
                .sym("Loader", SymbolKind.CLASS, -1),
            file("src/com/x/app/App.java")
                .pkg("com.x.app")
                .imp("com.x.cache.*")
                .ref("Loader", RefKind.TYPE, null, -1));
    assertThat(dependencies(core, "src/com/x/app/App.java", 0))
        .containsExactly("src/com/x/cache/Loader.java");
  }

  @Test
  void rustModulePathsResolveFromTheCrateRootSelfAndSuper() {
    var core =
        core(
            file("src/lib.rs"),
            file("src/db.rs"),
            file("src/net/mod.rs"),
            file("src/net/client.rs")
                .imp("crate::db::Pool")
                .imp("super::Server")
                .imp("self::tls")
                .imp("serde::Serialize")
                .imp("crate::net::client::*"),
            file("src/net/client/tls.rs"));
    String client = "src/net/client.rs";
    assertThat(imports(core, client, 0)).containsExactly("src/db.rs");
    assertThat(imports(core, client, 1)).containsExactly("src/net/mod.rs");
    assertThat(imports(core, client, 2)).containsExactly("src/net/client/tls.rs");
    assertThat(imports(core, client, 3)).containsExactly("external:serde");
    assertThat(imports(core, client, 4))
        .as("a module's own path is not a dependency")
        .containsExactly("unresolved");
  }

  @Test
  void cIncludesResolveRelativeThenByUniqueNameSystemHeadersStayExternal() {
    var core =
        core(
            file("src/util.h"),
            file("include/lib/api.h"),
            file("src/a/dup.h"),
            file("src/b/dup.h"),
            file("src/main.c")
                .imp("\"util.h\"")
                .imp("\"lib/api.h\"")
                .imp("<stdio.h>")
                .imp("\"dup.h\"")
                .imp("<lib/api.h>"));
    assertThat(imports(core, "src/main.c", 0)).containsExactly("src/util.h");
    assertThat(imports(core, "src/main.c", 1)).containsExactly("include/lib/api.h");
    assertThat(imports(core, "src/main.c", 2)).containsExactly("external:stdio.h");
    assertThat(imports(core, "src/main.c", 3)).as("ambiguous").containsExactly("unresolved");
    assertThat(imports(core, "src/main.c", 4)).containsExactly("include/lib/api.h");
  }

  @Test
  void csharpAndPhpNamespacesResolveToTheFilesDeclaringThem() {
    var core =
        core(
            file("Shop/Data/Repo.cs").pkg("Shop.Data").sym("Repo", SymbolKind.CLASS, -1),
            file("Shop/Data/Db.cs").pkg("Shop.Data"),
            file("Shop/App.cs").pkg("Shop").imp("Shop.Data").imp("System.Linq"),
            file("src/Model/User.php").pkg("App\\Model").sym("User", SymbolKind.CLASS, -1),
            file("src/Http/Ctl.php")
                .pkg("App\\Http")
                .imp("App\\Model\\User")
                .imp("Vendor\\Lib\\X"));
    assertThat(imports(core, "Shop/App.cs", 0))
        .containsExactly("Shop/Data/Db.cs", "Shop/Data/Repo.cs");
    assertThat(imports(core, "Shop/App.cs", 1)).containsExactly("external:System.Linq");
    assertThat(imports(core, "src/Http/Ctl.php", 0)).containsExactly("src/Model/User.php");
    assertThat(imports(core, "src/Http/Ctl.php", 1)).containsExactly("external:Vendor\\Lib");
  }

  @Test
  void rubyRequiresResolveRelativeThenUnderLib() {
    var core =
        core(
            file("lib/shop/cart.rb"),
            file("lib/shop.rb").imp("shop/cart").imp("json"),
            file("lib/shop/order.rb").imp("cart"));
    assertThat(imports(core, "lib/shop.rb", 0)).containsExactly("lib/shop/cart.rb");
    assertThat(imports(core, "lib/shop.rb", 1)).containsExactly("external:json");
    assertThat(imports(core, "lib/shop/order.rb", 0)).containsExactly("lib/shop/cart.rb");
  }
}
