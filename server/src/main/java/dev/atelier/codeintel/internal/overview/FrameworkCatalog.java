package dev.atelier.codeintel.internal.overview;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Well-known frameworks and libraries, recognised by the package names code imports and build files
 * declare. Longer prefixes are listed first so {@code org.springframework.boot} wins over {@code
 * org.springframework}.
 */
final class FrameworkCatalog {

  private record Entry(String prefix, String name) {}

  private static final List<Entry> ENTRIES =
      List.of(
          // Java and Kotlin
          new Entry("org.springframework.boot", "Spring Boot"),
          new Entry("spring-boot-", "Spring Boot"),
          new Entry("org.springframework", "Spring"),
          new Entry("spring-", "Spring"),
          new Entry("org.junit.jupiter", "JUnit 5"),
          new Entry("junit-jupiter", "JUnit 5"),
          new Entry("org.junit", "JUnit 4"),
          new Entry("junit", "JUnit"),
          new Entry("org.testng", "TestNG"),
          new Entry("testng", "TestNG"),
          new Entry("org.mockito", "Mockito"),
          new Entry("mockito", "Mockito"),
          new Entry("org.assertj", "AssertJ"),
          new Entry("assertj", "AssertJ"),
          new Entry("com.google.common.truth", "Truth"),
          new Entry("com.google.common", "Guava"),
          new Entry("guava", "Guava"),
          new Entry("lombok", "Lombok"),
          new Entry("jakarta.persistence", "JPA"),
          new Entry("javax.persistence", "JPA"),
          new Entry("org.hibernate", "Hibernate"),
          new Entry("com.fasterxml.jackson", "Jackson"),
          new Entry("io.quarkus", "Quarkus"),
          new Entry("io.micronaut", "Micronaut"),
          new Entry("com.google.inject", "Guice"),
          new Entry("org.slf4j", "SLF4J"),
          // Python
          new Entry("django", "Django"),
          new Entry("flask", "Flask"),
          new Entry("fastapi", "FastAPI"),
          new Entry("pytest", "pytest"),
          new Entry("unittest", "unittest"),
          new Entry("sqlalchemy", "SQLAlchemy"),
          new Entry("pydantic", "Pydantic"),
          new Entry("numpy", "NumPy"),
          new Entry("pandas", "pandas"),
          new Entry("torch", "PyTorch"),
          new Entry("celery", "Celery"),
          // JavaScript and TypeScript
          new Entry("react-dom", "React"),
          new Entry("react", "React"),
          new Entry("next", "Next.js"),
          new Entry("vue", "Vue"),
          new Entry("@angular/", "Angular"),
          new Entry("svelte", "Svelte"),
          new Entry("express", "Express"),
          new Entry("@nestjs/", "NestJS"),
          new Entry("jest", "Jest"),
          new Entry("vitest", "Vitest"),
          new Entry("mocha", "Mocha"),
          new Entry("@playwright/test", "Playwright"),
          new Entry("@testing-library/", "Testing Library"),
          // Go
          new Entry("github.com/gin-gonic/gin", "Gin"),
          new Entry("github.com/stretchr/testify", "testify"),
          new Entry("github.com/spf13/cobra", "Cobra"),
          new Entry("google.golang.org/grpc", "gRPC"),
          // Rust
          new Entry("tokio", "Tokio"),
          new Entry("serde", "Serde"),
          new Entry("actix-web", "Actix Web"),
          new Entry("actix_web", "Actix Web"),
          new Entry("axum", "Axum"),
          new Entry("clap", "clap"));

  private FrameworkCatalog() {}

  /**
   * The framework a package or dependency name belongs to: the name itself, or a sub-package of it
   * ({@code org.junit.jupiter.api}, {@code django.db}, {@code react/jsx-runtime}).
   */
  static Optional<String> of(String packageName) {
    String name = packageName.toLowerCase(Locale.ROOT);
    for (Entry entry : ENTRIES) {
      String prefix = entry.prefix();
      boolean open = prefix.endsWith("/") || prefix.endsWith("-");
      if (name.equals(prefix)
          || (open && name.startsWith(prefix))
          || name.startsWith(prefix + ".")
          || name.startsWith(prefix + "/")) {
        return Optional.of(entry.name());
      }
    }
    return Optional.empty();
  }
}
