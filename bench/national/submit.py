#!/usr/bin/env python3
"""Posts prepared report submissions, each once, CONCURRENCY at a time, each worker on one kept-alive connection.

Usage: submit.py BASE_URL FILE CONCURRENCY. FILE has one submission per line: "cookie header<TAB>report id<TAB>form
token<TAB>report version". Prints one line: how many were posted, the statuses, the wall time and the latency
percentiles in milliseconds. Python's standard library only (http.client), so the client costs little CPU beside the
app: one process, no process per request."""
import http.client
import sys
import threading
import time
import urllib.parse
from collections import Counter

base, path, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = urllib.parse.urlsplit(base)
rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip()]
lock = threading.Lock()
latencies, statuses, position = [], Counter(), [0]


def worker():
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    while True:
        with lock:
            if position[0] >= len(rows):
                break
            cookie, report, token, version = rows[position[0]]
            position[0] += 1
        body = urllib.parse.urlencode({"__RequestVerificationToken": token, "version": version})
        started = time.perf_counter()
        try:
            connection.request("POST", f"/bao-cao/{report}?handler=Submit", body=body,
                               headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            status = 0
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            statuses[status] += 1
    connection.close()


started = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
wall = time.perf_counter() - started
latencies.sort()


def percentile(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] if latencies else 0.0


print(f"posted={len(latencies)} statuses={','.join(f'{k}x{v}' for k, v in sorted(statuses.items()))} seconds={wall:.2f} "
      f"p50={percentile(50):.1f} p95={percentile(95):.1f} max={latencies[-1] if latencies else 0:.1f}")
