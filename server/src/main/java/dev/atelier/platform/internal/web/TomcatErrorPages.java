package dev.atelier.platform.internal.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/** Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report on the host. */
@Component
class TomcatErrorPages
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        // Tomcat makes this class's valve itself for requests it refuses before mapping.
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
      var pipeline = context.getParent().getPipeline();
      for (Valve valve : pipeline.getValves()) {
        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
          pipeline.removeValve(valve);
        }
      }
      pipeline.addValve(new ProblemErrorReportValve());
    });
  }

  // After Boot's own customizer, which adds the HTML valve this one replaces.
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
