#!/usr/bin/env python3
"""Evidence uploads under load: N reporters' files of SIZE MB sent at once to a running RoViec, and the server's
memory (VmHWM, the resident high-water mark, from /proc/PID/status) before and after.

    measure.py BASE_URL PASSWORD PID [N] [SIZE_MB]

Signs in as the demo's police reporter ("congan"), opens its first report that can still be edited, and posts N
multipart uploads of a SIZE MB PDF to one of its lines, all at once. Python 3 standard library only."""
import http.cookiejar
import os
import re
import sys
import threading
import time
import urllib.parse
import urllib.request


def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields["VmRSS"], fields["VmHWM"]


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)


def main():
    base, password, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    size = int(sys.argv[5]) if len(sys.argv) > 5 else 9
    web = opener()
    page = web.open(base + "/dang-nhap").read().decode()
    form = urllib.parse.urlencode({"UserName": "congan", "Password": password, "__RequestVerificationToken": token(page)}).encode()
    web.open(base + "/dang-nhap", form).read()
    report = None
    # The demo's first scheduler tick opens this month's period; wait for it.
    for _ in range(60):
        listing = web.open(base + "/bao-cao").read().decode()
        for rid in dict.fromkeys(re.findall(r'/bao-cao/([0-9a-f]{8}-[0-9a-f-]{27})', listing)):
            html = web.open(f"{base}/bao-cao/{rid}").read().decode()
            if 'name="kind"' in html and 'handler=Evidence' in html:
                report = (rid, html)
                break
        if report is not None:
            break
        time.sleep(2)
    if report is None:
        sys.exit("no report of congan can take evidence now")
    rid, html = report
    item = re.search(r'name="item" value="([0-9a-f-]{36})"', html).group(1)
    content = b"%PDF-1.4\n" + os.urandom(size * 1024 * 1024 - 9 - 16)
    boundary = "----roviec-bench"
    head = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                    for name, value in (("__RequestVerificationToken", token(html)), ("item", item), ("kind", "File")))
    url = f"{base}/bao-cao/{rid}?handler=Evidence"
    statuses = []
    lock = threading.Lock()
    start = threading.Barrier(count)

    def send(index):
        # Each file's bytes differ (the store keeps identical bytes once).
        body = (head + f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban-{index}.pdf"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
                + content + index.to_bytes(16, "big") + f"\r\n--{boundary}--\r\n".encode())
        request = urllib.request.Request(url, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        start.wait()
        try:
            status = web.open(request).status
        except urllib.error.HTTPError as error:
            status = error.code
        with lock:
            statuses.append(status)

    before = memory(pid)
    began = time.monotonic()
    threads = [threading.Thread(target=send, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - began
    after = memory(pid)
    summary = ", ".join(f"{s}: {statuses.count(s)}" for s in sorted(set(statuses)))
    print(f"{count} uploads of {size} MB at once in {took:.1f} s ({summary})")
    print(f"server memory before: RSS {before[0]}, high-water {before[1]}; after: RSS {after[0]}, high-water {after[1]}")


if __name__ == "__main__":
    main()
