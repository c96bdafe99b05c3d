package dev.atelier.chat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load client of {@code scripts/bench-chat} (issue 15's figures); a plain {@code main}, not a
 * test. Commands (options as {@code --name=value}):
 *
 * <ul>
 *   <li>{@code setup --url --out}: registers a user (a new org), creates channels, writes the token
 *       and ids to a properties file the other commands read ({@code --setup}).
 *   <li>{@code fanout --post-url --sse-url --connections=1000,10000 --posts --server-pid}: opens
 *       SSE subscribers of one channel, measures heap after GC and RSS of the server at each count,
 *       then posts one message at a time and times each subscriber's receipt of its newMessage.
 *   <li>{@code seed --jdbc --count --first-id}: inserts messages in bulk through SQL (the triggers
 *       or generated columns keep the search indexes, as in production).
 *   <li>{@code search --url --rounds}: {@code GET /api/search} per query kind, one client.
 *   <li>{@code api --url --clients --seconds}: list, post and edit under concurrent clients.
 * </ul>
 */
public final class ChatBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, String> options;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();

  private ChatBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ChatBench setup|fanout|seed|search|api --name=value ...");
      System.exit(2);
    }
    Map<String, String> options = new HashMap<>();
    for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("options are --name=value: " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    ChatBench bench = new ChatBench(options);
    switch (args[0]) {
      case "setup" -> bench.setup();
      case "fanout" -> bench.fanout();
      case "seed" -> bench.seed();
      case "search" -> bench.search();
      case "api" -> bench.api();
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
    System.exit(0);
  }

  private String option(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + "=");
    }
    return value;
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private Properties setupFile() throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(Path.of(option("setup")))) {
      properties.load(in);
    }
    return properties;
  }

  // ---------------------------------------------------------------- setup

  private void setup() throws Exception {
    String url = option("url");
    JsonNode session =
        send(
            url,
            null,
            "POST",
            "/api/auth/register",
            "{\"email\": \"bench@example.com\", \"password\": \"chat-benchmark-passphrase\","
                + " \"orgName\": \"Bench\"}");
    String token = session.get("accessToken").asString();
    Properties out = new Properties();
    out.setProperty("token", token);
    out.setProperty("orgId", session.at("/identity/orgId").asString());
    out.setProperty("userId", session.at("/identity/userId").asString());
    int count = Integer.parseInt(option("channels", "20"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Most channels public, every fifth private (the caller is its member): both read paths.
      String kind = i % 5 == 4 ? "private" : "public";
      JsonNode channel =
          send(
              url,
              token,
              "POST",
              "/api/channels",
              "{\"name\": \"bench-" + i + "\", \"kind\": \"" + kind + "\"}");
      ids.add(channel.get("id").asString());
    }
    out.setProperty("channels", String.join(",", ids));
    try (var writer = Files.newBufferedWriter(Path.of(option("out")))) {
      out.store(writer, "scripts/bench-chat setup");
    }
    System.out.println("setup: org " + out.getProperty("orgId") + ", channels " + ids);
  }

  private JsonNode send(
      String base, @Nullable String token, String method, String path, @Nullable String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(base, token, method, path, body), ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static HttpRequest request(
      String base, @Nullable String token, String method, String path, @Nullable String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      builder.header("Content-Type", "application/json");
      builder.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  // ---------------------------------------------------------------- fan-out and memory

  private void fanout() throws Exception {
    Properties setup = setupFile();
    String token = setup.getProperty("token");
    String channel = setup.getProperty("channels").split(",")[0];
    String postUrl = option("post-url");
    URI sse = URI.create(option("sse-url"));
    int posts = Integer.parseInt(option("posts", "30"));
    long pid = Long.parseLong(option("server-pid", "0"));
    String label = option("label", "");
    // Events may arrive before the post's answer names its id: the selector thread files every
    // receipt by message id in an array sized for the subscribers open when the post was sent.
    Map<Long, long[]> receipts = new ConcurrentHashMap<>();
    Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();
    AtomicInteger expectedNow = new AtomicInteger();
    SseClients.Receipts record =
        (messageId, nanos) -> {
          long[] times = receipts.computeIfAbsent(messageId, id -> new long[expectedNow.get()]);
          AtomicInteger n = counts.computeIfAbsent(messageId, id -> new AtomicInteger());
          int slot = n.get();
          if (slot < times.length) {
            times[slot] = nanos;
          }
          n.incrementAndGet(); // publishes times[slot] to the posting thread
        };
    List<Integer> steps =
        Arrays.stream(option("connections", "1000,10000").split(","))
            .map(Integer::parseInt)
            .toList();
    memory(pid, label, 0);
    try (SseClients clients =
        new SseClients(
            sse.getHost(), sse.getPort(), "/api/events?topic=channel:" + channel, token, record)) {
      for (int step : steps) {
        long opened = System.nanoTime();
        clients.openUntil(step, 200, opened + TimeUnit.SECONDS.toNanos(300));
        waitFor(() -> clients.open.get() + clients.failed.get() >= step, 60_000);
        System.out.printf(
            Locale.ROOT,
            "%s: %d SSE connections open in %.1f s (%d failed%s)%n",
            label,
            clients.open.get(),
            (System.nanoTime() - opened) / 1e9,
            clients.failed.get(),
            clients.failed.get() > 0 ? ": " + clients.lastFailure() : "");
        if (clients.open.get() < step) {
          System.out.printf(
              "%s: only %d of %d open; skipping this step%n", label, clients.open.get(), step);
          break;
        }
        Thread.sleep(2_000); // let the server settle (virtual threads parked, buffers allocated)
        memory(pid, label, clients.open.get());
        List<Long> deliveries = new ArrayList<>();
        List<Long> lastPerPost = new ArrayList<>();
        int missing = 0;
        for (int i = -3; i < posts; i++) { // three warm-up posts, not counted
          int expected = clients.open.get();
          expectedNow.set(expected);
          long sent = System.nanoTime();
          HttpResponse<String> answer =
              http.send(
                  request(
                      postUrl,
                      token,
                      "POST",
                      "/api/messages",
                      "{\"channelId\": " + channel + ", \"body\": \"fan-out probe " + i + "\"}"),
                  ofString());
          if (answer.statusCode() != 201) {
            throw new IOException("post answered " + answer.statusCode() + ": " + answer.body());
          }
          long id = JSON.readTree(answer.body()).get("id").asLong();
          AtomicInteger got = counts.computeIfAbsent(id, x -> new AtomicInteger());
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
          while (got.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
          if (i < 0) {
            continue;
          }
          long last = 0;
          int received = Math.min(got.get(), expected);
          missing += expected - received;
          long[] times = receipts.getOrDefault(id, new long[0]);
          for (int s = 0; s < Math.min(received, times.length); s++) {
            long t = times[s];
            deliveries.add(t - sent);
            last = Math.max(last, t - sent);
          }
          lastPerPost.add(last);
          receipts.remove(id);
          counts.remove(id);
          Thread.sleep(100);
        }
        System.out.printf(
            Locale.ROOT,
            "RESULT fanout %s connections=%d posts=%d deliveries=%d missing=%d"
                + " p50=%.2fms p99=%.2fms max=%.2fms all-delivered-p50=%.2fms"
                + " all-delivered-max=%.2fms%n",
            label,
            step,
            posts,
            deliveries.size(),
            missing,
            percentile(deliveries, 50) / 1e6,
            percentile(deliveries, 99) / 1e6,
            percentile(deliveries, 100) / 1e6,
            percentile(lastPerPost, 50) / 1e6,
            percentile(lastPerPost, 100) / 1e6);
      }
    }
  }

  /** Heap used after a full GC (jcmd) and resident memory of the server process. */
  private static void memory(long pid, String label, int connections) throws Exception {
    if (pid <= 0) {
      return;
    }
    jcmd(pid, "GC.run");
    Thread.sleep(500);
    String heap = jcmd(pid, "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
    long heapKb = used.find() ? Long.parseLong(used.group(1)) : -1;
    long rssKb = -1;
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        rssKb = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT memory %s connections=%d heap-after-gc=%.1fMiB rss=%.1fMiB%n",
        label,
        connections,
        heapKb / 1024.0,
        rssKb / 1024.0);
    if (connections >= 10_000) {
      // What the connections hold: the largest classes by bytes (jcmd's own table, top rows).
      jcmd(pid, "GC.class_histogram")
          .lines()
          .limit(16)
          .forEach(line -> System.out.println("  histogram " + line));
    }
  }

  private static String jcmd(long pid, String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return out;
  }

  private interface Condition {
    boolean holds();
  }

  private static void waitFor(Condition condition, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.holds() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  // ---------------------------------------------------------------- seeding

  /** Words people write in a software team's chat, most frequent first (drawn Zipf-like). */
  static final String[] WORDS =
      ("the to a and is it we in for of on this that be with i can you have not but are do"
              + " just if so at build test deploy review merge branch fix bug issue release"
              + " should will now was there from what about think need please thanks looks good"
              + " yes no maybe today tomorrow morning meeting customer team change update config"
              + " server client database query index search cache token login user account api"
              + " endpoint request response error timeout latency memory cpu disk network docker"
              + " kubernetes cluster node pod service queue worker job schedule backup restore"
              + " migration schema table column row transaction lock deadlock replica primary"
              + " failover staging production rollback hotfix pipeline ci flaky green red broken"
              + " again still already done ready blocked waiting approved comment question answer"
              + " design document spec proposal plan sprint estimate deadline priority urgent"
              + " frontend backend component render state hook props style layout button modal"
              + " dashboard chart metric alert incident outage postmortem monitor logging trace"
              + " performance benchmark profile regression improvement refactor cleanup rename"
              + " package module dependency upgrade version library framework compiler runtime"
              + " javascript typescript python java kotlin rust golang postgres sqlite redis"
              + " kafka nginx linux terminal script shell commit push pull rebase conflict"
              + " repository checkout tag changelog documentation tutorial onboarding permission"
              + " security vulnerability password encryption certificate expired renewal invoice"
              + " billing payment subscription feature flag experiment rollout percentage users"
              + " feedback support ticket escalation weekend holiday vacation lunch coffee office"
              + " remote call sync standup retro demo slides screenshot video link attached file"
              + " tested locally works for me cannot reproduce logs show stack exception null"
              + " pointer undefined function method class interface variable constant loop array"
              + " string number boolean object map list set parser serializer validation handler"
              + " middleware router controller repository entity model view template migration"
              + " configuration environment variable secret vault terraform ansible helm chart")
          .split(" ");

  static final String[] CODE = {
    "`git rebase -i origin/main`",
    "`SELECT count(*) FROM orders WHERE status = 'open'`",
    "```java\nvar client = HttpClient.newHttpClient();\nclient.send(request, ofString());\n```",
    "```python\nfor row in rows:\n    print(row['id'], row['name'])\n```",
    "`kubectl rollout restart deployment/api`",
    "```ts\nconst { data } = useQuery({ queryKey: ['messages', id], queryFn });\n```",
    "`docker compose up -d postgres redis`",
    "`curl -s localhost:8080/health | jq .status`",
    "```sql\nCREATE INDEX CONCURRENTLY idx_orders_user ON orders (user_id);\n```",
    "`npm run build -- --watch`",
  };

  /** CJK phrases (Chinese and Japanese) some team members write. */
  static final String[] CJK = {
    "数据库迁移已经完成", "部署失败了，请检查日志", "明天的会议改到下午", "这个问题已经修复",
    "性能测试结果很好", "请帮我看一下这个代码审查", "サーバーが落ちました", "テストが通りました",
    "ログを確認してください", "デプロイは明日です", "缓存服务器重启了", "用户登录超时问题",
  };

  private void seed() throws Exception {
    Properties setup = setupFile();
    long orgId = Long.parseLong(setup.getProperty("orgId"));
    long userId = Long.parseLong(setup.getProperty("userId"));
    long[] channels =
        Arrays.stream(setup.getProperty("channels").split(","))
            .mapToLong(Long::parseLong)
            .toArray();
    int count = Integer.parseInt(option("count"));
    long offset = Long.parseLong(option("offset", "0"));
    String jdbc = option("jdbc");
    boolean postgres = jdbc.startsWith("jdbc:postgresql");
    // The same text for the same ids on both databases, and a year of history up to now.
    Random random = new Random(offset);
    long now = System.currentTimeMillis();
    long total = Long.parseLong(option("total", Integer.toString(count)));
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(jdbc)) {
      // After whatever the API wrote: ids are given here so the text is the same on both databases.
      long firstId;
      try (Statement statement = connection.createStatement();
          var max = statement.executeQuery("select coalesce(max(id), 0) + 1 from messages")) {
        max.next();
        firstId = max.getLong(1);
      }
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into messages (id, org_id, channel_id, author_id, author_type, body,"
                  + " created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          long id = firstId + i;
          insert.setLong(1, id);
          insert.setLong(2, orgId);
          insert.setLong(3, channels[random.nextInt(channels.length)]);
          // The registered user writes a fifth; the rest come from authors without an account.
          insert.setLong(4, random.nextInt(5) == 0 ? userId : 1_000_000 + random.nextInt(40));
          insert.setString(5, random.nextInt(50) == 0 ? "agent" : "user");
          insert.setString(6, body(random));
          insert.setLong(7, now - (total - (offset + i)) * 30_000L);
          insert.addBatch();
          if ((i + 1) % 20_000 == 0) {
            insert.executeBatch();
            connection.commit();
          }
        }
        insert.executeBatch();
        connection.commit();
      }
      if (postgres) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(
              "select setval(pg_get_serial_sequence('messages', 'id'), (select max(id) from"
                  + " messages))");
          connection.commit();
          connection.setAutoCommit(true);
          statement.execute("analyze messages");
        }
      } else {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("analyze");
        }
      }
    } catch (SQLException e) {
      throw new IOException("seeding failed: " + e.getMessage(), e);
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT seed %s messages=%d seconds=%.1f rows/s=%.0f%n",
        option("label", ""),
        count,
        (System.nanoTime() - started) / 1e9,
        count / ((System.nanoTime() - started) / 1e9));
  }

  /** A message: 4-40 words drawn Zipf-like, sometimes code, sometimes CJK, sometimes a mention. */
  static String body(Random random) {
    StringBuilder body = new StringBuilder();
    int words = 4 + random.nextInt(37);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        body.append(' ');
      }
      // rank ~ u^3: the first words (articles, "build", "test") far more often than the last
      double u = random.nextDouble();
      body.append(WORDS[(int) (u * u * u * WORDS.length)]);
    }
    int extra = random.nextInt(100);
    if (extra < 12) {
      body.append(' ').append(CODE[random.nextInt(CODE.length)]);
    } else if (extra < 17) {
      body.append(' ').append(CJK[random.nextInt(CJK.length)]);
    } else if (extra < 22) {
      body.append(" @user").append(random.nextInt(40));
    }
    return body.toString();
  }

  // ---------------------------------------------------------------- search

  private void search() throws Exception {
    Properties setup = setupFile();
    String token = setup.getProperty("token");
    String url = option("url");
    String channel = setup.getProperty("channels").split(",")[1];
    String userId = setup.getProperty("userId");
    int rounds = Integer.parseInt(option("rounds", "20"));
    String lastMonth = Instant.now().minus(Duration.ofDays(30)).toString();
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    kinds.put("word (common)", List.of("q=deploy", "q=database", "q=review", "q=thanks"));
    kinds.put("word (rare)", List.of("q=terraform", "q=vault", "q=holiday", "q=serializer"));
    kinds.put(
        "two words",
        List.of("q=deploy+staging", "q=flaky+test", "q=redis+timeout", "q=merge+conflict"));
    kinds.put("prefix / partial", List.of("q=deplo", "q=config", "q=migrat", "q=kube"));
    kinds.put(
        "phrase (4 words)",
        List.of(
            "q=the+build+is+broken",
            "q=please+review+the+migration",
            "q=cannot+reproduce+logs+show",
            "q=works+for+me+locally"));
    kinds.put("code", List.of("q=rollout+restart", "q=HttpClient", "q=useQuery", "q=CONCURRENTLY"));
    kinds.put("CJK, 3+ characters", List.of("q=数据库", "q=デプロイ", "q=性能测试", "q=サーバー"));
    kinds.put("CJK, 2 characters", List.of("q=部署", "q=日志", "q=会议", "q=缓存"));
    kinds.put("short word (< 3 chars)", List.of("q=ci", "q=db", "q=ui", "q=pr"));
    kinds.put(
        "word + filters",
        List.of(
            "q=deploy&channelId=" + channel,
            "q=database&authorId=" + userId,
            "q=review&hasCode=true",
            "q=error&from=" + lastMonth));
    System.out.printf(
        "%-24s %9s %9s %9s %7s%n", "query kind", "p50 ms", "p95 ms", "max ms", "hits");
    // --skip=a,b leaves out the kinds whose names contain a or b (the scans at 1M take minutes)
    List<String> skip =
        Arrays.stream(option("skip", "").split(",")).filter(x -> !x.isBlank()).toList();
    for (var kind : kinds.entrySet()) {
      if (skip.stream().anyMatch(kind.getKey()::contains)) {
        continue;
      }
      List<Long> times = new ArrayList<>();
      long hits = 0;
      for (int round = -1; round < rounds; round++) { // one warm-up round
        for (String query : kind.getValue()) {
          String path = "/api/search?" + encode(query);
          long started = System.nanoTime();
          HttpResponse<String> response =
              http.send(request(url, token, "GET", path, null), ofString());
          long took = System.nanoTime() - started;
          if (response.statusCode() != 200) {
            throw new IOException(
                path + " answered " + response.statusCode() + ": " + response.body());
          }
          if (round >= 0) {
            times.add(took);
            if (round == 0) {
              hits += JSON.readTree(response.body()).get("hits").size();
            }
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "RESULT search %s | %-24s p50=%.1fms p95=%.1fms max=%.1fms hits/query=%.1f n=%d%n",
          option("label", ""),
          kind.getKey(),
          percentile(times, 50) / 1e6,
          percentile(times, 95) / 1e6,
          percentile(times, 100) / 1e6,
          hits / (double) kind.getValue().size(),
          times.size());
    }
  }

  private static String encode(String query) {
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(pair, 0, eq + 1)
          .append(
              URLEncoder.encode(pair.substring(eq + 1).replace('+', ' '), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- API under concurrency

  private void api() throws Exception {
    Properties setup = setupFile();
    String token = setup.getProperty("token");
    String url = option("url");
    String channel = setup.getProperty("channels").split(",")[2];
    int clients = Integer.parseInt(option("clients", "100"));
    int seconds = Integer.parseInt(option("seconds", "15"));
    // Each client edits messages of its own (only an author edits).
    long[][] own = new long[clients][];
    for (int c = 0; c < clients; c++) {
      own[c] = new long[3];
      for (int m = 0; m < own[c].length; m++) {
        own[c][m] =
            send(
                    url,
                    token,
                    "POST",
                    "/api/messages",
                    "{\"channelId\": "
                        + channel
                        + ", \"body\": \"client "
                        + c
                        + " message "
                        + m
                        + "\"}")
                .get("id")
                .asLong();
      }
    }
    Random random = new Random(15);
    Map<String, Operation> operations = new LinkedHashMap<>();
    operations.put(
        "list (50 newest)",
        (c, n) ->
            request(url, token, "GET", "/api/messages?channelId=" + channel + "&limit=50", null));
    operations.put(
        "post",
        (c, n) ->
            request(
                url,
                token,
                "POST",
                "/api/messages",
                "{\"channelId\": "
                    + channel
                    + ", \"body\": "
                    // a JSON string: code snippets hold quotes and new lines
                    + JSON.writeValueAsString(body(new Random(c * 100_003L + n)))
                    + "}"));
    operations.put(
        "edit",
        (c, n) ->
            request(
                url,
                token,
                "PATCH",
                "/api/messages/" + own[c][n % own[c].length],
                "{\"body\": \"edited " + n + " " + random.nextInt(1000) + "\"}"));
    for (var operation : operations.entrySet()) {
      run(operation.getValue(), clients, 3, null); // warm-up
      List<Long> times = new ArrayList<>();
      int[] failures = new int[1];
      Map<String, Integer> why = new HashMap<>();
      long started = System.nanoTime();
      run(operation.getValue(), clients, seconds, new Recorder(times, failures, why));
      double elapsed = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "RESULT api %s | %-16s clients=%d requests=%d failed=%d req/s=%.0f p50=%.1fms"
              + " p95=%.1fms p99=%.1fms%n",
          option("label", ""),
          operation.getKey(),
          clients,
          times.size(),
          failures[0],
          times.size() / elapsed,
          percentile(times, 50) / 1e6,
          percentile(times, 95) / 1e6,
          percentile(times, 99) / 1e6);
      why.forEach((outcome, n) -> System.out.println("  failed " + n + "x: " + outcome));
    }
  }

  private interface Operation {
    HttpRequest request(int client, int n);
  }

  private record Recorder(List<Long> times, int[] failures, Map<String, Integer> why) {
    synchronized void add(long nanos, String outcome) {
      if (outcome.isEmpty()) {
        times.add(nanos);
      } else {
        failures[0]++;
        why.merge(outcome, 1, Integer::sum);
      }
    }
  }

  /** Closed loop: each client sends its next request when the last one is answered. */
  private void run(Operation operation, int clients, int seconds, @Nullable Recorder recorder)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread.ofVirtual()
          .start(() -> {
            try {
              for (int n = 0; System.nanoTime() < deadline; n++) {
                long started = System.nanoTime();
                String outcome;
                try {
                  HttpResponse<String> answer = http.send(operation.request(client, n), ofString());
                  String body = answer.body();
                  outcome =
                      answer.statusCode() / 100 == 2
                          ? ""
                          : answer.statusCode()
                              + " "
                              + body.substring(0, Math.min(160, body.length()));
                } catch (IOException e) {
                  outcome = e.toString();
                }
                if (recorder != null) {
                  recorder.add(System.nanoTime() - started, outcome);
                }
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              done.countDown();
            }
          });
    }
    if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
      System.out.println("warning: clients still running after the deadline");
    }
  }

  private static double percentile(List<Long> values, int percent) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
