package dev.atelier.chat.internal.web;

import dev.atelier.chat.ChatError;
import dev.atelier.chat.internal.MessageSearch;
import dev.atelier.chat.internal.SearchTerms;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Message search (seed 004's {@code /api/search}), over the channels the caller may read. */
@RestController
@Tag(name = "search", description = "Search of team chat messages")
class MessageSearchController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final MessageSearch search;

  MessageSearchController(MessageSearch search) {
    this.search = search;
  }

  record SearchAnswer(List<MessageSearch.Hit> hits) {}

  @GetMapping("/api/search")
  @Operation(
      summary =
          "Messages with every word (whole or part of a word), whole-word matches first, then the"
              + " newest; snippets mark the words with <mark>")
  SearchAnswer search(
      @RequestParam String q,
      @RequestParam(required = false) @Nullable Long channelId,
      @RequestParam(required = false) @Nullable Long authorId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Boolean hasCode,
      @RequestParam(required = false) @Nullable Integer limit,
      Caller caller) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new AtelierException(ChatError.INVALID_SEARCH, "limit is 1 to " + MAX_LIMIT);
    }
    SearchTerms terms = SearchTerms.parse(q);
    return new SearchAnswer(
        search.search(
            caller.orgId(),
            caller.userId(),
            terms,
            new MessageSearch.Filters(channelId, authorId, instant(from), instant(to), hasCode),
            size));
  }

  private static @Nullable Instant instant(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new AtelierException(
          ChatError.INVALID_SEARCH, "from and to are ISO-8601 instants, e.g. 2026-01-31T00:00:00Z");
    }
  }
}
