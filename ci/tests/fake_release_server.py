#!/usr/bin/env python3
"""A fake GitHub release download server on 127.0.0.1 for ci/tests/install-covbot-test.sh.

Serves ROOT/<scenario>/v<version>/<asset> as https://github.com/OWNER/REPO/releases/download/v<version>/<asset>
would. Most scenarios are plain files (a good release, a wrong checksum, a missing asset, no release);
two are behaviours:
  flaky/      the first request for each path answers 404, later ones serve the file
  truncated/  .tar.gz responses announce the full Content-Length, send half and close the connection

Usage: fake_release_server.py ROOT PORT_FILE   (listens on a free port and writes it to PORT_FILE)
"""

import http.server
import os
import sys
import threading

ROOT = os.path.abspath(sys.argv[1])
SEEN = set()
LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # quiet: the test prints what matters
        pass

    def do_GET(self):
        path = os.path.normpath(os.path.join(ROOT, self.path.lstrip("/").split("?")[0]))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            return self.answer(404, b"Not Found")
        scenario = os.path.relpath(path, ROOT).split(os.sep)[0]
        with LOCK:
            first = path not in SEEN
            SEEN.add(path)
        if scenario == "flaky" and first:
            return self.answer(404, b"Not Found")
        with open(path, "rb") as f:
            body = f.read()
        if scenario == "truncated" and path.endswith(".tar.gz"):
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.answer(200, body)

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()
