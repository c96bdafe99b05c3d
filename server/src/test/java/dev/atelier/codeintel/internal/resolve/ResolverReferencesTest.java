package dev.atelier.codeintel.internal.resolve;

import static dev.atelier.codeintel.internal.resolve.Facts.core;
import static dev.atelier.codeintel.internal.resolve.Facts.file;
import static dev.atelier.codeintel.internal.resolve.Facts.targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.codeintel.SymbolKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reference resolution order, confidences and ambiguity, on the in-memory core. */
class ResolverReferencesTest {

  @Test
  void theInnermostEnclosingScopeWinsOverTheTopLevelAndOtherFiles() {
    var core =
        core(
            file("a.py")
                .sym("helper", SymbolKind.FUNCTION, -1) // 0
                .sym("Service", SymbolKind.CLASS, -1) // 1
                .sym("helper", SymbolKind.METHOD, 1) // 2
                .sym("run", SymbolKind.METHOD, 1) // 3
                .call("helper", 3)
                .call("helper", -1),
            file("b.py").sym("helper", SymbolKind.FUNCTION, -1));
    assertThat(targets(core, "a.py", 0)).as("the class's own method").containsExactly("a.py#2@1.0");
    assertThat(targets(core, "a.py", 1)).as("the module function").containsExactly("a.py#0@1.0");
  }

  @Test
  void goPredeclaredNamesAreNotGuessedIntoADocumentationPackage() {
    var core =
        core(
            file("builtin/builtin.go")
                .pkg("builtin")
                .sym("error", SymbolKind.INTERFACE, -1)
                .sym("len", SymbolKind.FUNCTION, -1),
            file("io/io.go")
                .pkg("io")
                .ref("error", RefKind.TYPE, null, -1)
                .call("len", -1)
                .sym("min", SymbolKind.FUNCTION, -1)
                .call("min", -1));
    assertThat(targets(core, "io/io.go", 0)).isEmpty();
    assertThat(targets(core, "io/io.go", 1)).isEmpty();
    assertThat(targets(core, "io/io.go", 2))
        .as("a package's own min shadows the builtin")
        .hasSize(1);
  }

  @Test
  void aNameElsewhereInTheSameFileComesNext() {
    var core =
        core(
            file("a.py")
                .sym("A", SymbolKind.CLASS, -1)
                .sym("go", SymbolKind.METHOD, 0)
                .sym("B", SymbolKind.CLASS, -1)
                .sym("run", SymbolKind.METHOD, 2)
                .call("go", 3));
    assertThat(targets(core, "a.py", 0)).containsExactly("a.py#1@0.9");
  }

  @Test
  void importedNamesResolveBeforeThePackageAndTheGlobalName() {
    var core =
        core(
            file("app/main.py").imp("lib.db").call("connect", -1),
            file("lib/db.py").sym("connect", SymbolKind.FUNCTION, -1),
            file("app/other.py").sym("connect", SymbolKind.FUNCTION, -1));
    assertThat(targets(core, "app/main.py", 0))
        .as("anything in an imported file beats the folder")
        .containsExactly("lib/db.py#0@0.8");
  }

  @Test
  void aNameTheImportBindsResolvesWithImportConfidence() {
    var core =
        core(
            file("com/x/App.java")
                .pkg("com.x")
                .imp("com.y.Cache")
                .ref("Cache", RefKind.TYPE, null, -1),
            file("com/y/Cache.java").pkg("com.y").sym("Cache", SymbolKind.CLASS, -1),
            file("com/z/Cache.java").pkg("com.z").sym("Cache", SymbolKind.CLASS, -1));
    assertThat(targets(core, "com/x/App.java", 0)).containsExactly("com/y/Cache.java#0@0.9");
  }

  @Test
  void aQualifierNamingAnImportLooksInsideTheImportedFiles() {
    var core =
        core(
            Map.of("", "example.com/m"),
            file("cmd/main.go")
                .pkg("main")
                .imp("example.com/m/store")
                .imp("fmt")
                .ref("Open", RefKind.CALL, "store", -1)
                .ref("Println", RefKind.CALL, "fmt", -1),
            file("store/store.go").pkg("store").sym("Open", SymbolKind.FUNCTION, -1),
            file("other/x.go").pkg("other").sym("Println", SymbolKind.FUNCTION, -1));
    assertThat(targets(core, "cmd/main.go", 0)).containsExactly("store/store.go#0@0.9");
    assertThat(targets(core, "cmd/main.go", 1))
        .as("fmt is external: no guess inside the branch")
        .isEmpty();
  }

  @Test
  void samePackageResolvesAtPointSevenThenAUniqueGlobalNameAtPointFive() {
    var core =
        core(
            file("p/A.java").pkg("p").call("helper", -1).call("util", -1),
            file("p/B.java")
                .pkg("p")
                .sym("B", SymbolKind.CLASS, -1)
                .sym("helper", SymbolKind.METHOD, 0),
            file("q/C.java")
                .pkg("q")
                .sym("C", SymbolKind.CLASS, -1)
                .sym("util", SymbolKind.METHOD, 0));
    assertThat(targets(core, "p/A.java", 0)).containsExactly("p/B.java#1@0.7");
    assertThat(targets(core, "p/A.java", 1)).containsExactly("q/C.java#1@0.5");
  }

  @Test
  void aFewCandidatesShareTheConfidenceTooManyLeaveTheReferenceUnresolved() {
    Facts[] files = new Facts[7];
    files[0] = file("main.py").call("size", -1).call("count", -1);
    for (int i = 1; i <= 6; i++) {
      files[i] = file("m" + i + "/x.py").sym("count", SymbolKind.FUNCTION, -1);
    }
    files[1].sym("size", SymbolKind.FUNCTION, -1);
    files[2].sym("size", SymbolKind.FUNCTION, -1);
    var core = core(files);
    assertThat(targets(core, "main.py", 0))
        .as("two definitions of a free name: a guess, shared")
        .containsExactly("m1/x.py#1@0.05", "m2/x.py#1@0.05");
    assertThat(targets(core, "main.py", 1)).as("six candidates: ambiguous").isEmpty();
  }

  @Test
  void callsResolveToCallablesAndTypeUsesToTypes() {
    var core =
        core(
            file("a.ts")
                .sym("Cache", SymbolKind.INTERFACE, -1)
                .sym("Cache", SymbolKind.FUNCTION, -1)
                .sym("Pool", SymbolKind.CLASS, -1)
                .sym("Pool", SymbolKind.CONSTRUCTOR, 2)
                .ref("Cache", RefKind.TYPE, null, -1)
                .ref("Cache", RefKind.CALL, null, -1)
                .ref("Pool", RefKind.CALL, null, -1)
                .ref("Pool", RefKind.INHERIT, null, -1));
    assertThat(targets(core, "a.ts", 0)).containsExactly("a.ts#0@1.0");
    assertThat(targets(core, "a.ts", 1)).containsExactly("a.ts#1@1.0");
    assertThat(targets(core, "a.ts", 2))
        .as("a constructor call names the class")
        .containsExactly("a.ts#2@1.0");
    assertThat(targets(core, "a.ts", 3)).containsExactly("a.ts#2@1.0");
  }

  @Test
  void selfQualifiedCallsStayInTheClassAndUnknownReceiversOnlyReachMembers() {
    var core =
        core(
            file("s.py")
                .sym("save", SymbolKind.FUNCTION, -1) // 0
                .sym("Repo", SymbolKind.CLASS, -1) // 1
                .sym("save", SymbolKind.METHOD, 1) // 2
                .sym("run", SymbolKind.METHOD, 1) // 3
                .ref("save", RefKind.CALL, "self", 3)
                .ref("save", RefKind.CALL, "repo", -1)
                .ref("flush", RefKind.CALL, "repo", -1),
            file("t.py").sym("flush", SymbolKind.FUNCTION, -1));
    assertThat(targets(core, "s.py", 0)).containsExactly("s.py#2@1.0");
    assertThat(targets(core, "s.py", 1))
        .as("a variable receiver: members in the package, a guess by name alone")
        .containsExactly("s.py#2@0.1");
    assertThat(targets(core, "s.py", 2)).as("a module function is no member").isEmpty();
  }

  @Test
  void aGuessedMemberCallIsNeverTheCallingMethodItself() {
    var core =
        core(
            file("lock.py")
                .sym("Store", SymbolKind.CLASS, -1) // 0
                .sym("lock", SymbolKind.METHOD, 0) // 1
                .ref("lock", RefKind.CALL, "self.inner", 1),
            file("other.py").sym("Other", SymbolKind.CLASS, -1).sym("lock", SymbolKind.METHOD, 0));
    assertThat(targets(core, "lock.py", 0))
        .as("self.inner.lock() inside lock: another lock, guessed, never itself")
        .containsExactly("other.py#1@0.1");
  }

  @Test
  void codeOutsideTestsNeverResolvesIntoATest() {
    List<FileFacts> files =
        List.of(
            file("pkg/a.go").pkg("pkg").call("helper", -1).build(),
            file("pkg/a_test.go").pkg("pkg").sym("helper", SymbolKind.FUNCTION, -1).build());
    var core = new ResolutionCore(files, Map.of(), "", Set.of("pkg/a_test.go"));
    assertThat(core.resolve(0, 0)).isEmpty();
  }

  @Test
  void theWeakestResolutionStaysAboveTheGuesses() {
    assertThat(ResolutionCore.IMPORT_NAME / ResolutionCore.NEAR_LIMIT)
        .isGreaterThan(ReferenceConfidence.GUESS_BELOW);
    assertThat(ResolutionCore.PACKAGE / ResolutionCore.WIDE_LIMIT)
        .isGreaterThan(ReferenceConfidence.GUESS_BELOW);
    assertThat(ResolutionCore.GLOBAL).isGreaterThan(ReferenceConfidence.GUESS_BELOW);
    assertThat(ReferenceConfidence.nameOnly(ResolutionCore.NAME_ONLY)).isTrue();
    assertThat(ReferenceConfidence.nameOnly((float) ResolutionCore.NAME_ONLY))
        .as("stored as float4 in PostgreSQL")
        .isTrue();
  }

  @Test
  void aQualifierNamingATypeResolvesToItsMembers() {
    var core =
        core(
            file("p/A.java").pkg("p").ref("of", RefKind.CALL, "Money", -1),
            file("q/Money.java")
                .pkg("q")
                .sym("Money", SymbolKind.CLASS, -1)
                .sym("of", SymbolKind.METHOD, 0),
            file("q/Other.java")
                .pkg("q")
                .sym("Other", SymbolKind.CLASS, -1)
                .sym("of", SymbolKind.METHOD, 0));
    assertThat(targets(core, "p/A.java", 0)).containsExactly("q/Money.java#1@0.8");
  }

  @Test
  void languagesOfDifferentFamiliesDoNotSeeEachOther() {
    var core =
        core(file("a.py").call("render", -1), file("b.js").sym("render", SymbolKind.FUNCTION, -1));
    assertThat(targets(core, "a.py", 0)).isEmpty();
  }
}
