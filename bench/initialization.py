"""Waits for the demo clusters' initialization runs to end, then compares each run's wall time with its critical
path: the longest chain of dependent steps, each taking as long as it really took."""
import sqlite3
import sys
import time

TICKS_PER_SECOND = 10_000_000


def runs(db):
    return db.execute(
        "SELECT r.Id, c.Name, r.Status, r.StartedAt, r.FinishedAt FROM ClusterRuns r JOIN Clusters c ON c.Id = r.ClusterId "
        "WHERE r.Kind = 'Initialize'").fetchall()


def critical_path(steps):
    duration = {key: (end - start) / TICKS_PER_SECOND for key, _, start, end in steps}
    depends = {key: [d for d in deps.split(",") if d] for key, deps, _, _ in steps}
    longest = {}

    def chain(key):
        if key not in longest:
            before = max((chain(d) for d in depends[key]), default=(0.0, []))
            longest[key] = (before[0] + duration[key], before[1] + [key])
        return longest[key]

    return max((chain(k) for k in duration), key=lambda c: c[0])


def main(path):
    deadline = time.time() + 180
    while True:
        try:
            db = sqlite3.connect(path)
            found = runs(db)
            if len(found) >= 2 and all(status in ("Succeeded", "Failed") for _, _, status, _, _ in found):
                break
        except sqlite3.Error:
            pass
        if time.time() > deadline:
            sys.exit("the demo initializations did not finish within 180 s")
        time.sleep(0.5)

    print(f"| cluster | outcome | wall time (s) | critical path (s) | ratio | critical chain |")
    print(f"| --- | --- | ---: | ---: | ---: | --- |")
    for run_id, name, status, started, finished in found:
        steps = db.execute("SELECT Key, DependsOn, StartedAt, FinishedAt FROM RunSteps WHERE RunId = ?", (run_id,)).fetchall()
        wall = (finished - started) / TICKS_PER_SECOND
        path_seconds, chain = critical_path(steps)
        print(f"| {name} | {status} | {wall:.2f} | {path_seconds:.2f} | {wall / path_seconds:.3f} | {' > '.join(chain)} |")


if __name__ == "__main__":
    main(sys.argv[1])
