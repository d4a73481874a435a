# The sched section's python workload: four threads that each compute and
# make a few syscalls (os.getppid), the GIL passed between them.
import os
import threading


def work():
    s = 0
    for i in range(20000):
        s += i
        if i % 1000 == 0:
            os.getppid()


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
