# echo_client.py PORT STOPFILE PROGRESS: the client of echo_server. Until
# STOPFILE exists it opens connections and sends numbered lines, each to be
# echoed back whole, and writes the count answered to PROGRESS every 30
# answers; then prints "sent N answered M" and exits 0 if every request was
# answered (1 if not: a wrong or missing answer, or one slower than 20 s).
import os
import socket
import sys

port, stopfile, progress = int(sys.argv[1]), sys.argv[2], sys.argv[3]
sent = answered = 0
ok = True
while ok and not os.path.exists(stopfile):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
            f = s.makefile("rb")
            for _ in range(3):
                line = ("request %d\n" % sent).encode()
                s.sendall(line)
                sent += 1
                if f.readline() != line:
                    ok = False
                    break
                answered += 1
                if answered % 30 == 0:
                    with open(progress + ".tmp", "w") as p:
                        p.write("%d\n" % answered)
                    os.replace(progress + ".tmp", progress)
    except OSError as e:
        print("error:", e, file=sys.stderr)
        ok = False
print("sent %d answered %d" % (sent, answered))
sys.exit(0 if ok and sent == answered and sent > 0 else 1)
