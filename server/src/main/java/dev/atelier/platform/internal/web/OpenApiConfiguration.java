package dev.atelier.platform.internal.web;

import dev.atelier.platform.AtelierVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and version of the OpenAPI document served at {@code /api/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI atelierOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Atelier API")
                .version(AtelierVersion.current().version())
                .description(
                    "Repositories, code intelligence, learnings and events of an Atelier"
                        + " workspace. Errors are RFC 9457 problem documents.")
                .license(new License().name("Apache-2.0")));
  }
}
