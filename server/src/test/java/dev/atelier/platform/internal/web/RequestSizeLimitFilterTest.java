package dev.atelier.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RequestSizeLimitFilterTest {

  private final RequestSizeLimitFilter filter =
      new RequestSizeLimitFilter(
          AtelierSettings.local(Path.of("/tmp/workspace")).withMaxRequestBytes(10),
          new ProblemWriter(JsonMapper.builder().build()));

  @Test
  void stopsAChunkedBodyOnceItPassesTheLimit() {
    // A chunked body announces no length.
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/anything") {
          @Override
          public long getContentLengthLong() {
            return -1;
          }
        };
    request.setContent(new byte[11]);
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThatThrownBy(() ->
            filter.doFilter(request, response, (req, res) -> req.getInputStream().readAllBytes()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("10 bytes");
  }

  @Test
  void letsABodyAtTheLimitThrough() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/anything");
    request.setContent(new byte[10]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    int[] read = new int[1];

    filter.doFilter(
        request, response, (req, res) -> read[0] = req.getInputStream().readAllBytes().length);

    assertThat(read[0]).isEqualTo(10);
    assertThat(response.getStatus()).isEqualTo(200);
  }
}
