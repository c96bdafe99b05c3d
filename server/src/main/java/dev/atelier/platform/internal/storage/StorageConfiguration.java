package dev.atelier.platform.internal.storage;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.platform.Redis;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the platform's storage, opened the same way the command line opens it. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean(destroyMethod = "close")
  Database database(AtelierSettings settings) {
    return Database.open(settings);
  }

  @Bean(destroyMethod = "")
  DataSource dataSource(Database database) {
    return database.dataSource();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "atelier.mode", havingValue = "service")
  Redis redis(AtelierSettings settings) {
    return Redis.connect(Objects.requireNonNull(settings.redisUrl(), "redisUrl"));
  }
}
