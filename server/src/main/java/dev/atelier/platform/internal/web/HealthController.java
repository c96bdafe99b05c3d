package dev.atelier.platform.internal.web;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.AtelierVersion;
import dev.atelier.platform.Database;
import dev.atelier.platform.Redis;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: whether this node can serve, with the state of each back end it depends
 * on. Answers 503 when any of them is down, so load balancers take the node out.
 */
@RestController
class HealthController {

  private final AtelierSettings settings;
  private final Database database;
  private final @Nullable Redis redis;
  private final String version = AtelierVersion.current().version();

  HealthController(AtelierSettings settings, Database database, ObjectProvider<Redis> redis) {
    this.settings = settings;
    this.database = database;
    this.redis = redis.getIfAvailable();
  }

  @GetMapping(path = "/api/health", produces = "application/json")
  ResponseEntity<Map<String, Object>> health() {
    boolean databaseUp = databaseAnswers();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("mode", settings.mode().label());
    body.put("database", database.vendor().label());
    body.put("databaseStatus", databaseUp ? "UP" : "DOWN");
    boolean up = databaseUp;
    if (redis != null) {
      boolean redisUp = redis.ping();
      body.put("redis", redisUp ? "UP" : "DOWN");
      up &= redisUp;
    }
    body.put("version", version);
    body.put("status", up ? "UP" : "DOWN");
    return ResponseEntity.status(up ? 200 : 503).body(body);
  }

  private boolean databaseAnswers() {
    try (Connection connection = database.dataSource().getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
