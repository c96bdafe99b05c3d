#!/usr/bin/env python3
"""Times MCP tool calls over stdio: the first call of each tool and the warm ones after it.

Usage: bench-mcp-calls.py JAR FOLDER DATA '[["tool", {args}], ...]' [CALLS]
"""
import json, subprocess, sys, time
jar, folder, data = sys.argv[1], sys.argv[2], sys.argv[3]
calls = json.loads(sys.argv[4])  # list of [tool, args]
repeat = int(sys.argv[5]) if len(sys.argv) > 5 else 5
java = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
p = subprocess.Popen([java, "-jar", jar, "mcp", folder, "--data", data], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
def send(obj):
    p.stdin.write(json.dumps(obj) + "\n"); p.stdin.flush()
def recv(i):
    while True:
        line = p.stdout.readline()
        if not line: raise SystemExit("eof")
        m = json.loads(line)
        if m.get("id") == i: return m
send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"b","version":"1"}}}); recv(1)
send({"jsonrpc":"2.0","method":"notifications/initialized"})
i = 10
# open the index first so the first timed call is the tool's own first call
send({"jsonrpc":"2.0","id":i,"method":"tools/call","params":{"name":"symbols","arguments":{"path":"README.md"}}}); recv(i); i += 1
for tool, args in calls:
    times = []
    for r in range(repeat):
        t = time.perf_counter()
        send({"jsonrpc":"2.0","id":i,"method":"tools/call","params":{"name":tool,"arguments":args}})
        m = recv(i); i += 1
        times.append((time.perf_counter() - t) * 1000)
        if r == 0:
            txt = m["result"]["content"][0]["text"]
            err = m["result"].get("isError")
            first_lines = "\n    ".join(txt.splitlines()[:6])
    warm = sorted(times[1:])
    print(f"{tool} {json.dumps(args)}: first {times[0]:.0f} ms, warm p50 {warm[len(warm)//2]:.1f} ms, max {warm[-1]:.1f} ms  error={err}\n    {first_lines}")
p.stdin.close(); p.wait(timeout=60)
