package dev.atelier.codeintel.internal.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.ProjectDependencies.Declared;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest parsers on small manifests of each kind. */
class ManifestParsersTest {

  private static List<String> summary(String path, String text) {
    return ManifestParsers.parse(path, text).stream()
        .map(d -> d.name() + " " + d.version() + " " + d.scope() + " @" + d.line())
        .toList();
  }

  @Test
  void pyprojectReadsPep621ArraysOptionalGroupsAndPoetryTables() {
    String text =
        """
        [project]
        name = "shop"
        dependencies = [
            "requests>=2.31",  # http
            "PyYAML",
        ]

        [project.optional-dependencies]
        test = ["pytest>=8"]

        [tool.poetry.dependencies]
        python = "^3.11"
        django = { version = "^5.0", extras = ["argon2"] }

        [tool.poetry.group.dev.dependencies]
        ruff = "0.4.0"
        """;
    assertThat(summary("pyproject.toml", text))
        .containsExactly(
            "requests >=2.31 runtime @4",
            "PyYAML null runtime @5",
            "pytest >=8 test @9",
            "django ^5.0 runtime @13",
            "ruff 0.4.0 dev @16");
  }

  @Test
  void cargoReadsPlainInlineAndSubtableDependencies() {
    String text =
        """
        [package]
        name = "shop"
        version = "0.1.0"

        [dependencies]
        serde = { version = "1.0", features = ["derive"] }
        anyhow = "1"

        [dev-dependencies]
        proptest = "1.4"

        [dependencies.tokio]
        version = "1.37"
        features = ["full"]
        """;
    assertThat(summary("Cargo.toml", text))
        .containsExactly(
            "serde 1.0 runtime @6",
            "anyhow 1 runtime @7",
            "proptest 1.4 dev @10",
            "tokio 1.37 runtime @12");
  }

  @Test
  void gradleReadsStringAndMapNotationsWithTheirConfigurations() {
    String text =
        """
        dependencies {
            implementation("com.google.guava:guava:33.0.0-jre")
            testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0'
            compileOnly group: 'org.projectlombok', name: 'lombok', version: '1.18.30'
            classpath "ignored:plugin:1"
        }
        """;
    assertThat(summary("app/build.gradle.kts", text))
        .containsExactly(
            "com.google.guava:guava 33.0.0-jre runtime @2",
            "org.junit.jupiter:junit-jupiter 5.10.0 test @3",
            "org.projectlombok:lombok 1.18.30 provided @4");
  }

  @Test
  void gemfileComposerCsprojAndRequirementsDeclareWithScopes() {
    assertThat(
            summary(
                "Gemfile",
                "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngroup :development, :test do\n"
                    + "  gem 'rspec-rails'\nend\ngem 'pg', group: :test\n"))
        .containsExactly("rails ~> 7.1 runtime @2", "rspec-rails null test @4", "pg null test @6");
    assertThat(
            summary(
                "composer.json",
                "{\"require\": {\"php\": \">=8.1\", \"monolog/monolog\": \"^3.0\"},"
                    + " \"require-dev\": {\"phpunit/phpunit\": \"^10\"}}"))
        .containsExactly("monolog/monolog ^3.0 runtime @1", "phpunit/phpunit ^10 dev @1");
    assertThat(
            summary(
                "src/App/App.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n<ItemGroup>\n"
                    + "<PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />\n"
                    + "</ItemGroup>\n</Project>\n"))
        .containsExactly("Newtonsoft.Json 13.0.3 runtime @3");
    assertThat(summary("requirements-dev.txt", "# tools\n-r requirements.txt\nblack==24.1 \n"))
        .containsExactly("black ==24.1 dev @3");
  }

  @Test
  void xmlWithADoctypeIsRefusedSoExternalEntitiesAreNeverRead() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<project><dependencies><dependency><groupId>&x;</groupId>"
            + "<artifactId>a</artifactId></dependency></dependencies></project>";
    assertThatThrownBy(() -> ManifestParsers.parse("pom.xml", xxe))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DTD");
    assertThatThrownBy(() -> ManifestParsers.parse("package.json", "{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void manifestsAreRecognisedByNameOutsideVendoredTrees() {
    assertThat(ManifestParsers.isManifest("services/api/pom.xml")).isTrue();
    assertThat(ManifestParsers.isManifest("requirements/base.txt")).isFalse();
    assertThat(ManifestParsers.isManifest("requirements-test.txt")).isTrue();
    assertThat(ManifestParsers.isManifest("web/node_modules/react/package.json")).isFalse();
    assertThat(ManifestParsers.isManifest("src/Shop.Api.csproj")).isTrue();
  }

  @Test
  void mavenGroupsMatchJavaPackagesExactlyOrByTheirParent() {
    Declared guava = new Declared("maven", "com.google.guava:guava", "33", "runtime", "pom.xml", 1);
    assertThat(DependencyUsage.matches(guava, "com.google.guava.base", false)).isTrue();
    assertThat(DependencyUsage.matches(guava, "com.google.common.collect", false)).isFalse();
    assertThat(DependencyUsage.matches(guava, "com.google.common.collect", true)).isTrue();
    Declared junit = new Declared("maven", "junit:junit", "4", "test", "pom.xml", 1);
    assertThat(DependencyUsage.matches(junit, "junitx", true)).isFalse();
    Declared go = new Declared("go", "github.com/pkg/errors", "v1", "runtime", "go.mod", 1);
    assertThat(DependencyUsage.matches(go, "github.com/pkg/errors/sub", false)).isTrue();
    assertThat(DependencyUsage.matches(go, "github.com/pkg/errorsx", false)).isFalse();
  }
}
