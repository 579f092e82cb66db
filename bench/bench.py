"""The benchmark behind ./bench.sh: seeds a separate SQLite database at customer scale, starts the portal on it,
drives its pages with wrk at 1, 8 and 32 connections next to a trivial endpoint of the same process, times Refresh of
1,000 tickets against the Zendesk simulator, and writes bench/results/latest.md and latest.png."""
import datetime
import http.cookiejar
import json
import math
import os
import platform
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", ".data")
RESULTS = os.path.join(ROOT, "bench", "results")
PORT = int(os.environ.get("BENCH_PORT", "5098"))
SANDBOX_PORT = PORT + 1
BASE = f"http://127.0.0.1:{PORT}"
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
if not 1 <= DURATION <= 50:
    sys.exit("BENCH_SECONDS must be between 1 and 50: a signed-in cookie is checked against its security stamp after a minute")
CONNECTIONS = [1, 8, 32]
# Runs of the same code on a shared two-core machine differ by up to a third: at the targets' connection count each
# page is measured this many times, in rounds across the pages, and the report gives the median and the range.
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
if not 1 <= REPEATS <= 9:
    sys.exit("BENCH_REPEATS must be between 1 and 9")
TARGET_CONNECTIONS = CONNECTIONS[-1]
PASSWORD = "Mendix-on-Azure-1"
REFRESH_TICKETS = 1000
CEILING = "trivial endpoint (/healthz)"


def log(message):
    print(message, flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        sys.exit(f"{req.full_url} redirected to {newurl}")


class Session:
    """A signed-in browser: a cookie jar that follows the login form with its antiforgery token."""

    def __init__(self, email):
        self.email = email
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.post("/Identity/Account/Login", {"Input.Email": email, "Input.Password": PASSWORD}, page="/Identity/Account/Login")
        if "MxAzurePortal.Auth" not in self.cookie():
            sys.exit(f"could not sign in as {email}")

    def get(self, path):
        with self.opener.open(BASE + path) as response:
            return response.read().decode()

    def token(self, path):
        return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', self.get(path)).group(1)

    def post(self, path, fields, page):
        data = dict(fields, __RequestVerificationToken=self.token(page))
        with self.opener.open(BASE + path, urllib.parse.urlencode(data).encode()) as response:
            return response.status

    def cookie(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def seed(database):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    dll = os.path.join(ROOT, "bench", "MxAzurePortal.Bench", "bin", "Release", "net10.0", "MxAzurePortal.Bench.dll")
    output = subprocess.run(["dotnet", dll, database], check=True, capture_output=True, text=True).stdout
    log(output.rstrip())
    return output


def start_portal(database, log_file):
    # Another process on the ports would answer in the portal's place and the figures would be its.
    for port in (PORT, SANDBOX_PORT):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                sys.exit(f"port {port} is already in use: stop what listens there (or set BENCH_PORT) and run again")
    web = os.path.join(ROOT, "src", "MxAzurePortal.Web")
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", Database__SqlitePath=database, Sandbox__DemoClusters="false",
               Sandbox__ServerPort=str(SANDBOX_PORT), Serilog__MinimumLevel__Default="Warning",
               **{"Serilog__MinimumLevel__Override__System.Net.Http.HttpClient": "Information"})
    process = subprocess.Popen(["dotnet", os.path.join(web, "bin", "Release", "net10.0", "MxAzurePortal.Web.dll"), "--urls", BASE],
                               cwd=web, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    for _ in range(240):
        if process.poll() is not None:
            sys.exit(f"the portal exited with {process.returncode}; see {log_file.name}")
        try:
            with urllib.request.urlopen(BASE + "/readyz") as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    sys.exit("the portal did not become ready")


def peak_memory_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def percentile(output, label):
    found = re.search(r"^\s+" + label + r"%\s+(\S+)$", output, re.MULTILINE)
    return to_ms(found.group(1)) if found else float("nan")


def wrk(path, cookie, connections):
    command = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{DURATION}s", "--latency", "--timeout", "5s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command + [BASE + path], check=True, capture_output=True, text=True).stdout
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentile(output, "50"),
        "p99": percentile(output, "99"),
        "errors": errors,
    }


def refresh_bench(database, manager, cluster, log_path):
    """Opens REFRESH_TICKETS tickets in the Zendesk simulator through its API, links them to one cluster's tickets in
    the portal's database, and times one Refresh: the calls are counted from the portal's HTTP client log."""
    zendesk = f"http://127.0.0.1:{SANDBOX_PORT}/zendesk/api/v2/tickets.json"
    ids = []
    for n in range(REFRESH_TICKETS):
        body = {"ticket": {"subject": f"Refresh bench {n}", "comment": {"body": "x"}, "external_id": f"bench-{n}"}}
        request = urllib.request.Request(zendesk, json.dumps(body).encode(), {
            "Content-Type": "application/json", "Authorization": "Basic YmVuY2hAbWVuZGl4LmV4YW1wbGUvdG9rZW46c2FuZGJveA=="})
        with urllib.request.urlopen(request) as response:
            ids.append(json.loads(response.read())["ticket"]["id"])
    db = sqlite3.connect(database)
    # Give the cluster REFRESH_TICKETS of the seeded tickets, each linked to one of the simulator's.
    organisation = db.execute("SELECT OrganisationId FROM Clusters WHERE upper(Id) = upper(?)", (cluster,)).fetchone()[0]
    db.execute("UPDATE SupportTickets SET ClusterId = (SELECT Id FROM Clusters WHERE upper(Id) = upper(?)), OrganisationId = ?, Status = 'OnHold' "
               "WHERE Id IN (SELECT Id FROM SupportTickets ORDER BY Id LIMIT ?)", (cluster, organisation, REFRESH_TICKETS))
    db.execute("UPDATE SupportTickets SET ZendeskTicketId = NULL WHERE upper(ClusterId) = upper(?)", (cluster,))
    rows = db.execute("SELECT Id FROM SupportTickets WHERE upper(ClusterId) = upper(?) ORDER BY CreatedAt LIMIT ?", (cluster, REFRESH_TICKETS)).fetchall()
    missing = REFRESH_TICKETS - len(rows)
    if missing > 0:
        sys.exit(f"the cluster has {len(rows)} tickets; the refresh bench needs {REFRESH_TICKETS}")
    db.executemany("UPDATE SupportTickets SET ZendeskTicketId = ? WHERE Id = ?", zip(ids, (r[0] for r in rows)))
    db.commit()
    db.close()
    before = calls_to_show_many(log_path)
    started = time.perf_counter()
    manager.post(f"/Clusters/{cluster}/Support?handler=Refresh", {}, page=f"/Clusters/{cluster}/Support")
    wall = time.perf_counter() - started
    calls = calls_to_show_many(log_path) - before
    return {"tickets": REFRESH_TICKETS, "calls": calls, "target": math.ceil(REFRESH_TICKETS / 100), "seconds": wall}


def calls_to_show_many(log_path):
    """Requests the portal's HTTP client sent to Zendesk's show_many, from its log (one "Sending" line each)."""
    with open(log_path, errors="replace") as log_file:
        return sum(1 for line in log_file if "Sending HTTP request" in line and "show_many" in line)


def chart(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    pages = [r["page"] for r in rows if r["connections"] == 32]
    ratios = [r["ratio"] * 100 for r in rows if r["connections"] == 32]
    figure, axes = plt.subplots(figsize=(8, 4))
    axes.barh(pages, ratios, color="#0b5ed7")
    axes.axvline(50, color="#dc3545", linestyle="--", label="target 50%")
    axes.set_xlabel("requests/s as % of the trivial endpoint, 32 connections")
    axes.invert_yaxis()
    axes.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(path, dpi=120)


def main():
    os.makedirs(DATA, exist_ok=True)
    os.makedirs(RESULTS, exist_ok=True)
    database = os.path.join(DATA, "scale.db")
    log("seeding " + database)
    seeding = seed(database)
    log_path = os.path.join(DATA, "portal.log")
    with open(log_path, "w") as log_file:
        portal = start_portal(database, log_file)
        try:
            manager = Session("manager@contoso.example")
            staff = Session("support@mendix.example")
            cluster = re.search(r'href="/Clusters/([0-9a-f-]{36})"', manager.get("/Clusters")).group(1)
            pages = [
                (CEILING, "/healthz", None),
                # The same endpoint read with the sign-in cookie: what authenticating a request alone costs, the
                # ceiling of any signed-in page, even one served from stored bytes.
                ("trivial endpoint, signed in (/healthz with the cookie)", "/healthz", manager),
                ("layout only, signed in (Access denied)", "/Identity/Account/AccessDenied", manager),
                ("Clusters list", "/Clusters", manager),
                ("Cluster Overview", f"/Clusters/{cluster}", manager),
                ("Support Tickets", f"/Clusters/{cluster}/Support", manager),
                ("Customizations", f"/Clusters/{cluster}/Customizations", manager),
                ("Activity (filtered)", f"/Clusters/{cluster}/Activity?keyword=node+count&from=2025-01-01", manager),
                ("Admin clusters (search, page 50)", "/Admin/Clusters?q=c0&p=50", staff),
            ]
            for name, path, session in pages:
                # wrk counts a redirect as success: make sure each page answers itself, signed in.
                request = urllib.request.Request(BASE + path, headers={"Cookie": session.cookie()} if session else {})
                with urllib.request.build_opener(NoRedirect).open(request) as response:
                    if response.status != 200:
                        sys.exit(f"{path} answered {response.status}, not 200")
            rows = []
            for connections in CONNECTIONS:
                rounds = REPEATS if connections == TARGET_CONNECTIONS else 1
                runs = {name: [] for name, _, _ in pages}
                for round_number in range(rounds):
                    for name, path, session in pages:
                        # A browser keeps the cookie the portal renews after each security stamp check (once a
                        # minute); wrk replays one fixed header, so each run signs in afresh and stays inside that minute.
                        def fresh():
                            return Session(session.email).cookie() if session else None
                        if round_number == 0:
                            wrk(path, fresh(), connections)  # warm-up
                        result = wrk(path, fresh(), connections)
                        runs[name].append(result)
                        log(f"{name:34} c={connections:<3} {result['rps']:9.1f} req/s  p50 {result['p50']:7.2f} ms  p99 {result['p99']:7.2f} ms  errors {result['errors']}")
                for name, path, _ in pages:
                    measured = runs[name]
                    rows.append({
                        "page": name, "path": path, "connections": connections, "runs": measured,
                        "rps": statistics.median(r["rps"] for r in measured),
                        "p50": statistics.median(r["p50"] for r in measured),
                        "p99": statistics.median(r["p99"] for r in measured),
                        "errors": sum(r["errors"] for r in measured),
                    })
            for row in rows:
                ceiling = next(r["rps"] for r in rows if r["connections"] == row["connections"] and r["page"] == CEILING)
                row["ratio"] = row["rps"] / ceiling
            memory = peak_memory_mib(portal.pid)
            refresh = refresh_bench(database, manager, cluster, log_path)
            log(f"refresh: {refresh}")
        finally:
            portal.terminate()
            portal.wait()

    initialization = subprocess.run([os.path.join(ROOT, "bench", "initialization.sh")], check=True, capture_output=True, text=True).stdout
    write_report(rows, memory, refresh, seeding, initialization)
    chart(rows, os.path.join(RESULTS, "latest.png"))
    log("wrote bench/results/latest.md and latest.png")


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {memory:,} MiB, {platform.platform()}, .NET SDK {dotnet}"


def write_report(rows, memory, refresh, seeding, initialization):
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `./bench.sh` on {machine()}.",
        f"SQLite database seeded at scale; wrk, {DURATION} s per measurement after a warm-up of the same length; at",
        f"{TARGET_CONNECTIONS} connections each page measured {REPEATS} times in rounds across the pages (medians below, ranges after).",
        "",
        "## Seeding",
        "",
        "```",
        seeding.rstrip(),
        "```",
        "",
        "## Pages",
        "",
        "Ratio: the page's requests/s over the trivial endpoint's at the same connection count (target >= 50% at 32",
        "connections, p99 < 50 ms).",
        "",
        "| page | connections | requests/s | ratio | p50 (ms) | p99 (ms) | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(f"| {r['page']} | {r['connections']} | {r['rps']:.1f} | {r['ratio'] * 100:.1f}% | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} |")
    repeated = [r for r in rows if len(r["runs"]) > 1]
    if repeated:
        lines += [
            "",
            f"### The {len(repeated[0]['runs'])} runs at {TARGET_CONNECTIONS} connections",
            "",
            "| page | requests/s (min to max) | p99 ms (min to max) | each run's p99 (ms) |",
            "| --- | ---: | ---: | --- |",
        ]
        for r in repeated:
            rps = [x["rps"] for x in r["runs"]]
            p99 = [x["p99"] for x in r["runs"]]
            lines.append(f"| {r['page']} | {min(rps):,.0f} to {max(rps):,.0f} | {min(p99):.1f} to {max(p99):.1f} | {', '.join(f'{x:.1f}' for x in p99)} |")
    lines += [
        "",
        f"Peak memory of the portal process (VmHWM): {memory:.0f} MiB.",
        "",
        "## Refresh of tickets against the Zendesk simulator",
        "",
        f"{refresh['tickets']:,} tickets: {refresh['calls']} calls (target ceil(N/100) = {refresh['target']}), {refresh['seconds']:.2f} s wall time.",
        "",
        "## Initialization against its critical path (simulator's default latencies)",
        "",
        "\n".join(line for line in initialization.splitlines() if line.startswith("|")),
        "",
        "![requests/s as a share of the trivial endpoint](latest.png)",
        "",
    ]
    with open(os.path.join(RESULTS, "latest.md"), "w") as report:
        report.write("\n".join(lines))


if __name__ == "__main__":
    main()
