#!/usr/bin/env python3
"""Cold first call per tool: one fresh `atelier mcp` process per tool, as an assistant starts one.

Usage: scripts/bench-mcp-first-calls.py PATH DATA [--no-serve] [--tools-json FILE] [--atelier CMD]
For each tool: start `atelier mcp PATH --data DATA`, initialize, call the tool once, and time
process start -> initialize answer and tools/call sent -> answer. Prints one TSV row per tool.
With a `serve` running on DATA (started in PATH) the process bridges to it; --no-serve forces local.
The default arguments fit the Go standard library (/usr/share/go-1.19/src).
"""
import json
import subprocess
import sys
import time

GO_STDLIB = {
    "semantic_search": {"query": "parse the request headers"},
    "relevant_context": {"task": "parse the request headers"},
    "find_related": {"path": "net/http/server.go"},
    "hotspots": {},
    "bootstrap": {},
    "impact_analysis": {"files": ["net/http/server.go"]},
    "community_detection": {},
    "repo_map": {"max_tokens": 4000},
    "graph_query": {"query": "callers", "from": "http.ListenAndServe", "depth": 2},
    "search_symbols": {"query": "ListenAndServe"},
    "cross_references": {"symbol": "ListenAndServe"},
    "lsp_definition": {"path": "net/http/server.go", "line": 3255, "column": 16},
}


def first_call(atelier, path, data, extra, tool, arguments):
    started = time.monotonic()
    proc = subprocess.Popen(
        atelier + ["mcp", path, "--data", data] + extra,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def send(message):
        proc.stdin.write(json.dumps(message) + "\n")
        proc.stdin.flush()

    def answer(wanted):
        for line in proc.stdout:
            message = json.loads(line)  # stdout carries protocol only: anything else fails here
            if message.get("id") == wanted:
                return message
        raise RuntimeError("no answer %s" % wanted)

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {},
        "clientInfo": {"name": "bench", "version": "1"}}})
    answer(1)
    initialized = time.monotonic()
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    called = time.monotonic()
    send({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
          "params": {"name": tool, "arguments": arguments}})
    result = answer(2)
    done = time.monotonic()
    proc.stdin.close()
    proc.wait(timeout=60)
    text = (result.get("result", {}).get("content") or [{}])[0].get("text", "") \
        if "result" in result else json.dumps(result.get("error"))
    error = result.get("result", {}).get("isError", False) or "error" in result
    return (initialized - started) * 1000, (done - called) * 1000, error, text


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    path, data = args[0], args[1]
    extra = ["--no-serve"] if "--no-serve" in argv else []
    atelier = ["./atelier"]
    if "--atelier" in argv:
        atelier = argv[argv.index("--atelier") + 1].split()
    tools = GO_STDLIB
    if "--tools-json" in argv:
        with open(argv[argv.index("--tools-json") + 1]) as f:
            tools = json.load(f)
    print("tool\tinitialize_ms\tfirst_call_ms\terror\tanswer")
    for tool, arguments in tools.items():
        init_ms, call_ms, error, text = first_call(atelier, path, data, extra, tool, arguments)
        print("%s\t%.0f\t%.0f\t%s\t%s" % (
            tool, init_ms, call_ms, error, text.replace("\n", " ")[:70]), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
