package dev.atelier.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.audit.AuditEvent;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes old audit entries and nothing else; no other delete gets through. */
abstract class AuditRetentionContract {

  abstract AtelierSettings settings(Path data);

  @Test
  void purgesOnlyEntriesOlderThanTheCutoff(@TempDir Path data) {
    try (Database database = Database.open(settings(data))) {
      AuditTrail trail = new AuditTrail(database.dataSource(), database);
      String old =
          database.vendor() == DatabaseVendor.POSTGRESQL
              ? "now() - interval '400 days'"
              : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-400 days')";
      org.springframework.jdbc.core.JdbcTemplate jdbc =
          new org.springframework.jdbc.core.JdbcTemplate(database.dataSource());
      jdbc.update(
          "insert into audit_log (org_id, entity_type, actor_type, action, created_at) values (1,"
              + " 'test', 'system', 'ancient', "
              + old
              + ")");
      trail.record(AuditEvent.created(1, "test", "x", Map.of("fresh", true)));

      assertThat(trail.purgeOlderThan(Instant.now().minus(Duration.ofDays(365)))).isEqualTo(1);

      assertThat(jdbc.queryForList("select action from audit_log", String.class))
          .containsExactly("created");
      assertThatThrownBy(() -> jdbc.update("delete from audit_log"))
          .hasMessageContaining("append-only");
      assertThat(jdbc.queryForObject("select count(*) from audit_purges", Long.class)).isZero();
    }
  }
}
