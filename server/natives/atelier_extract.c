// Atelier's bulk extraction entry points, compiled into the same shared library as the
// tree-sitter core and grammars. One call parses a file, runs the language's query and walks
// the syntax errors, writing everything to one int32 buffer that Java copies in one go; so the
// JVM crosses into native code a handful of times per file instead of once per node.
//
// Buffer layout (int32):
//   [0] status (0 ok, 1 parse cancelled or failed, 2 out of memory)
//   [1] error count E   [2] match count M   [3] 1 when the query stopped early
//   E x [missing(0/1), startByte, endByte, startRow, startCol, endRow, endCol]
//   M x [patternIndex, captureCount, captureCount x [captureIndex, startByte, endByte,
//        startRow, startCol, endRow, endCol]]
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tree_sitter/api.h"

typedef struct {
  TSParser *parser;
  TSQueryCursor *cursor;
  int32_t *buf;
  uint32_t len;
  uint32_t cap;
  uint64_t deadline_ns;
  int oom;
} AtelierCtx;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static bool parse_progress(TSParseState *state) {
  AtelierCtx *ctx = (AtelierCtx *)state->payload;
  return ctx->deadline_ns != 0 && now_ns() > ctx->deadline_ns;
}

static bool query_progress(TSQueryCursorState *state) {
  AtelierCtx *ctx = (AtelierCtx *)state->payload;
  return ctx->deadline_ns != 0 && now_ns() > ctx->deadline_ns;
}

typedef struct {
  const char *src;
  uint32_t len;
} Source;

static const char *read_source(void *payload, uint32_t byte, TSPoint position, uint32_t *bytes_read) {
  (void)position;
  Source *s = (Source *)payload;
  if (byte >= s->len) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = s->len - byte;
  return s->src + byte;
}

static int reserve(AtelierCtx *ctx, uint32_t more) {
  if (ctx->len + more <= ctx->cap) return 1;
  uint32_t cap = ctx->cap ? ctx->cap : 4096;
  while (cap < ctx->len + more) cap *= 2;
  int32_t *grown = (int32_t *)realloc(ctx->buf, (size_t)cap * sizeof(int32_t));
  if (!grown) {
    ctx->oom = 1;
    return 0;
  }
  ctx->buf = grown;
  ctx->cap = cap;
  return 1;
}

static void put_node(AtelierCtx *ctx, TSNode node) {
  int32_t *p = ctx->buf + ctx->len;
  TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
  p[0] = (int32_t)ts_node_start_byte(node);
  p[1] = (int32_t)ts_node_end_byte(node);
  p[2] = (int32_t)s.row;
  p[3] = (int32_t)s.column;
  p[4] = (int32_t)e.row;
  p[5] = (int32_t)e.column;
  ctx->len += 6;
}

AtelierCtx *atelier_ctx_new(void) {
  AtelierCtx *ctx = (AtelierCtx *)calloc(1, sizeof(AtelierCtx));
  if (!ctx) return NULL;
  ctx->parser = ts_parser_new();
  ctx->cursor = ts_query_cursor_new();
  return ctx;
}

void atelier_ctx_free(AtelierCtx *ctx) {
  if (!ctx) return;
  ts_parser_delete(ctx->parser);
  ts_query_cursor_delete(ctx->cursor);
  free(ctx->buf);
  free(ctx);
}

int32_t *atelier_ctx_buffer(AtelierCtx *ctx) { return ctx->buf; }

// Collects ERROR and MISSING nodes iteratively (no recursion: deep trees cannot overflow the
// C stack), descending only into subtrees that contain an error.
static void collect_errors(AtelierCtx *ctx, TSNode root, uint32_t max_errors) {
  if (!ts_node_has_error(root) || max_errors == 0) return;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  uint32_t found = 0;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    int descend = 0;
    if (ts_node_is_error(node) || ts_node_is_missing(node)) {
      if (!reserve(ctx, 7)) break;
      ctx->buf[ctx->len++] = ts_node_is_missing(node) ? 1 : 0;
      put_node(ctx, node);
      if (++found >= max_errors) break;
    } else if (ts_node_has_error(node)) {
      descend = 1;
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    int moved = 0;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  ctx->buf[1] = (int32_t)found;
}

// Parses src with language, runs query over the tree and writes the buffer; returns its length
// in int32s (the buffer is read with atelier_ctx_buffer), or -1 when out of memory.
int32_t atelier_extract(AtelierCtx *ctx, const TSLanguage *language, const TSQuery *query,
                        const char *src, uint32_t len, uint64_t timeout_micros,
                        uint32_t max_errors, uint32_t max_matches) {
  ctx->len = 0;
  ctx->oom = 0;
  if (!reserve(ctx, 4)) return -1;
  memset(ctx->buf, 0, 4 * sizeof(int32_t));
  ctx->len = 4;
  ctx->deadline_ns = timeout_micros ? now_ns() + timeout_micros * 1000ull : 0;
  if (!ts_parser_set_language(ctx->parser, language)) {
    ctx->buf[0] = 1;
    return (int32_t)ctx->len;
  }
  Source source = {src, len};
  TSInput input = {&source, read_source, TSInputEncodingUTF8, NULL};
  TSParseOptions options = {ctx, parse_progress};
  TSTree *tree = ts_parser_parse_with_options(ctx->parser, NULL, input, options);
  if (!tree) {
    ts_parser_reset(ctx->parser);
    ctx->buf[0] = 1;
    return (int32_t)ctx->len;
  }
  TSNode root = ts_tree_root_node(tree);
  collect_errors(ctx, root, max_errors);
  TSQueryCursorOptions qoptions = {ctx, query_progress};
  ts_query_cursor_exec_with_options(ctx->cursor, query, root, &qoptions);
  TSQueryMatch match;
  uint32_t matches = 0;
  while (ts_query_cursor_next_match(ctx->cursor, &match)) {
    if (matches >= max_matches) {
      ctx->buf[3] = 1;
      break;
    }
    if (!reserve(ctx, 2 + 7u * match.capture_count)) break;
    ctx->buf[ctx->len++] = match.pattern_index;
    ctx->buf[ctx->len++] = match.capture_count;
    for (uint16_t i = 0; i < match.capture_count; i++) {
      ctx->buf[ctx->len++] = (int32_t)match.captures[i].index;
      put_node(ctx, match.captures[i].node);
    }
    matches++;
  }
  if (ctx->deadline_ns != 0 && now_ns() > ctx->deadline_ns) ctx->buf[3] = 1;
  ctx->buf[2] = (int32_t)matches;
  ts_tree_delete(tree);
  if (ctx->oom) {
    ctx->buf[0] = 2;
    return -1;
  }
  return (int32_t)ctx->len;
}
