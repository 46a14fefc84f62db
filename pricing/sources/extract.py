#!/usr/bin/env python3
"""Maintainer script: turns the AWS pricing-page data under shared/price-data/aws-2025 into the
inputs of the price snapshot (pricing/sources/pages/*.json and pricing/sources/fargate-spot.tsv).

Usage: pricing/sources/extract.py PRICE_DATA_DIR STACKPLAN

Every output is an AWS pricing-page file ({manifest, regions: {location: {label: entry}}}) with a
`_source` block naming the repository, path and commit it was copied from. Three kinds of input:
- pricing-page files as published (kept as they are);
- files that bundle several pages (`files: {path: {manifest, entries|regions}}`): split into one
  page file each, `entries` grouped by their `Location` attribute as the pages group them;
- aws-price-watcher "processed" files ({metric label: {"Location (attr: value, ...)": price}}),
  which drop the rate codes but keep the pages' labels, locations and attributes: rebuilt into
  the page shape without rate codes, dated by their commit (stated so in `_source`).
The Fargate Spot figures (a third party's transcription of AWS's Spot feed, not a page) and the
Database Savings Plans rates (a third party's CSV, kept only where its on-demand column equals
the pricing page's on-demand price of the same usage) become catalog fragments instead. Entries no stackplan rule maps are dropped (stackplan itself says
which, through `pricing import --verbose`), and instance classes are kept for the families below,
so the repository holds what the cost model reads. Output is deterministic.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

# Instance families kept in the snapshot (the rest of a page is left out to keep it small).
EC2_FAMILIES = {"t3", "t3a", "t4g", "m5", "m6i", "m6g", "m7i", "m7g", "m8g", "c5", "c6i", "c6g",
                "c7i", "c7g", "r5", "r6i", "r6g", "r7i", "r7g"}
DB_FAMILIES = {"t3", "t4g", "m5", "m6g", "m6i", "m7g", "m7i", "m8g", "r5", "r6g", "r6i", "r7g",
               "r7i", "r8g", "serverless"}
# Regions whose Fargate Spot figure the source itself doubts (unchanged since 2021).
FARGATE_SPOT_DOUBTED = {"ca-central-1", "af-south-1", "us-gov-east-1", "us-gov-west-1",
                        "ap-east-1", "eu-south-1"}

# Files used, with the page (manifest.source) of the processed ones.
RAW = [
    "awsprice-lamngockhuong-feed-natgateway.json",
    "awspricewatcher-feed-cloudwatch.json",
    "awspricewatcher-feed-ecs.json",
    "awspricewatcher-feed-efs.json",
    "awspricewatcher-feed-elb.json",
    "awspricewatcher-feed-rds-aurora-storage.json",
    "awspricewatcher-feed-rds-storage.json",
    "awspricewatcher-feed-route53.json",
    "awspricewatcher-feed-s3.json",
    "awspricewatcher-feed-secretsmanager.json",
    "awspricewatcher-feed-vpc.json",
    "ec2shop-feed-ebs-2024-07.json",
    "ec2shop-feed-rds-mysql-ondemand-2024-09.json",
    "ec2shop-feed-rds-postgresql-ondemand-2024-09.json",
]
BUNDLED = [
    "ec2shop-feed-ec2-ondemand-reservedinstance-2025-04.json",
    "ec2shop-feed-rds-reservedinstance-pg-mysql-2025-04.json",
    "extsupport-ec2shop-feed-rds-pg-mysql-2024-09.json",
]
PROCESSED = {
    "awspricewatcher-processed-datatransfer.json": ("datatransfer", "datatransfer"),
    "awspricewatcher-processed-ec2.json": ("ec2", "ec2"),
    "awspricewatcher-processed-rds-aurora-ondemand.json": ("rds", "rds-aurora-ondemand"),
    "awspricewatcher-processed-rds-mysql-ondemand.json": ("rds", "rds-mysql-ondemand"),
    "awspricewatcher-processed-rds-postgresql-ondemand.json": ("rds", "rds-postgresql-ondemand"),
}
LOCATION_ATTRS = re.compile(r"^(.*?) \((\w[\w ]*: .*)\)$")


def provenance(src, path=None, commit=None, date=None, note=None):
    out = {"repo": src["repo"], "path": path or src["path"], "commit": commit or src["commit"]}
    if date:
        out["date"] = date
        out["date_note"] = note
    return out


def family_kept(entry, label):
    kind = entry.get("Instance Type", "")
    m = re.match(r"^(?:db\.)?([a-z0-9]+)\.", kind)
    if not m:
        m = re.search(r"instancetype-([a-z0-9]+)\.", label)
    if not m:
        return True
    fam = m.group(1)
    return fam in (DB_FAMILIES if kind.startswith("db.") else EC2_FAMILIES)


def page(manifest, regions, source):
    regions = {loc: {label: e for label, e in entries.items() if family_kept(e, label)}
               for loc, entries in regions.items()}
    return {"_source": source, "manifest": manifest, "regions": regions}


def from_processed(data, service, page_name):
    regions = {}
    for label, prices in data["metrics"].items():
        for where, price in prices.items():
            m = LOCATION_ATTRS.match(where)
            location, attrs = (m.group(1), m.group(2)) if m else (where, "")
            entry = {"price": price}
            for part in filter(None, attrs.split(", ")):
                k, _, v = part.partition(": ")
                entry[k] = v
            regions.setdefault(location, {})[label] = entry
    src = data["_source"]
    date = src["commit_date"][:10]
    manifest = {"serviceId": service, "currencyCode": "USD", "source": page_name}
    return page(manifest, regions, provenance(
        src, date=date, note="commit date of the processed copy, which keeps no publication date "
        "or rate codes"))


def from_bundle(data):
    src = data.get("_source") or data.get("_extract")
    for path, f in sorted(data["files"].items()):
        regions = f.get("regions")
        if regions is None:
            regions = {}
            for label, e in f["entries"].items():
                regions.setdefault(e["Location"], {})[label] = e
        manifest = f["manifest"]
        date = None
        if "hawkFilePublicationDate" not in manifest:
            date = f["last_change_date"][:10]
        yield path, page(manifest, regions, provenance(
            src, path=path, commit=f.get("last_change_commit"), date=date,
            note="commit date of the file; the page states none"))


# A catalog with no prices, as pricing/build.sh starts from.
EMPTY_CATALOG = "# stackplan price catalog v1\n[end]\t0 rows\n"


def unmapped_labels(stackplan, path):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "catalog.tsv"), "w") as f:
            f.write(EMPTY_CATALOG)
        out = subprocess.run([stackplan, "pricing", "import", "--verbose", "--catalog", d, path],
                             check=True, capture_output=True, text=True).stdout
    return {line.strip().rsplit(" (", 1)[0] for line in out.splitlines()
            if line.startswith("    ")}


def write(out_dir, name, doc, stackplan):
    path = os.path.join(out_dir, name)
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")
    drop = unmapped_labels(stackplan, path)
    for loc in list(doc["regions"]):
        doc["regions"][loc] = {k: v for k, v in doc["regions"][loc].items() if k not in drop}
        if not doc["regions"][loc]:
            del doc["regions"][loc]
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")


def fargate_spot(data_dir, locations):
    text = open(os.path.join(data_dir, "fargate-spot-fgcalc-2026-09.js.txt")).read()
    rows = []
    for m in re.finditer(r'"region": "([a-z0-9-]+)",\s*"description": "([^"]+)".*?'
                         r'"FARGATE_SPOT": \{\s*"cpu": ([0-9.]+),\s*"ram": ([0-9.]+)', text, re.S):
        region, location, cpu, ram = m.groups()
        if region in FARGATE_SPOT_DOUBTED or location not in locations:
            continue
        rows.append(f"{region}\tfargate-spot/memory/x86_64\ton-demand\t0\tInf\thours\t{ram}\t\t"
                    "fgcalc-fargate-spot-2026-09-29\t")
        rows.append(f"{region}\tfargate-spot/vcpu/x86_64\ton-demand\t0\tInf\thours\t{cpu}\t\t"
                    "fgcalc-fargate-spot-2026-09-29\t")
    head = ("# stackplan price catalog v1\n[sources]\n"
            "fgcalc-fargate-spot-2026-09-29\tcitation\t2026-09-29\tFargate Spot Linux/x86 per "
            "vCPU-hour and GB-hour as transcribed from AWS's Fargate Spot price feed (retrieved "
            "2026-09-29 21:41 UTC) by theuves/fgcalc src/utils/data.js at "
            "dac946d62837b73542cbac2e6e29a9427ae9b2a5; Spot prices float\n[prices]\n")
    return head + "\n".join(sorted(rows)) + "\n"


# Database Savings Plans: the file's operation codes (its engine column is mislabelled in
# places, so the operation decides) and the usage types it prices.
DB_OPERATIONS = {"CreateDBInstance:0002": ("rds", "mysql"),
                 "CreateDBInstance:0014": ("rds", "postgres"),
                 "CreateDBInstance:0016": ("aurora", "mysql"),
                 "CreateDBInstance:0021": ("aurora", "postgres")}
DB_TERM = "savings-plan/database/1y/no-upfront"


def db_savings_plan_key(row):
    kind_engine = DB_OPERATIONS.get(row["Operation"])
    if kind_engine is None:
        return None
    kind, engine = kind_engine
    usage = row["Usage Type"].split("-", 1)[1] if "-" in row["Usage Type"].split(":")[0] \
        else row["Usage Type"]
    cls = row["Instance Type"]
    if kind == "rds" and usage.startswith("InstanceUsage:"):
        return f"rds/instance/{engine}/{cls}/single-az"
    if kind == "rds" and usage.startswith("Multi-AZUsage:"):
        return f"rds/instance/{engine}/{cls}/multi-az"
    if kind == "aurora" and usage.startswith("InstanceUsage:"):
        return f"aurora/instance/{engine}/{cls}/standard"
    if kind == "aurora" and usage.startswith("InstanceUsageIOOptimized:"):
        return f"aurora/instance/{engine}/{cls}/io-optimized"
    if kind == "aurora" and usage == "Aurora:ServerlessV2Usage":
        return f"aurora/serverless-v2/{engine}/standard"
    if kind == "aurora" and usage == "Aurora:ServerlessV2IOOptimizedUsage":
        return f"aurora/serverless-v2/{engine}/io-optimized"
    return None


def page_prices(stackplan, pages_dir):
    """On-demand prices of the pricing pages alone: (region, key) -> usd text."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "catalog.tsv"), "w") as f:
            f.write(EMPTY_CATALOG)
        files = sorted(os.path.join(pages_dir, n) for n in os.listdir(pages_dir))
        subprocess.run([stackplan, "pricing", "import", "--catalog", d] + files, check=True,
                       capture_output=True)
        prices, section = {}, None
        for line in open(os.path.join(d, "catalog.tsv")):
            line = line.rstrip("\n")
            if line.startswith("["):
                section = line
            elif section == "[prices]" and not line.startswith("#"):
                f = line.split("\t")
                if f[2] == "on-demand":
                    prices[(f[0], f[1])] = f[6]
    return prices


def database_savings_plans(data_dir, stackplan, pages_dir):
    import csv
    from decimal import Decimal
    on_demand = page_prices(stackplan, pages_dir)
    rows, rejected = [], 0
    with open(os.path.join(data_dir, "dbsavingsplan-princeboot-rds-2025-12.csv")) as f:
        for row in csv.DictReader(f):
            key = db_savings_plan_key(row)
            if key is None:
                continue
            region = row["Region"]
            page = on_demand.get((region, key))
            if page is None or Decimal(page) != Decimal(row["On-Demand Rate"]):
                rejected += 1
                continue
            rate = Decimal(row["Savings Plan Rate"])
            rows.append(f"{region}\t{key}\t{DB_TERM}\t0\tInf\t{row['Unit']}\t{rate.normalize():f}"
                        "\t\tdbsp-princeboot-2025-12\t")
    head = ("# stackplan price catalog v1\n"
            f"# Database Savings Plans rates accepted where the file's on-demand rate equals the "
            f"pricing page's ({len(set(rows))} kept, {rejected} rejected).\n[sources]\n"
            "dbsp-princeboot-2025-12\tcitation\t2025-12-10\tDatabase Savings Plans rates "
            "(princeboot/aws-dbsavingsplan-data database_savings_plans.csv at "
            "efa9639a061d276f08886a8ea1b4064ff2fe01c2; the file states no date, term or payment: "
            "the date is its commit's, and AWS sells Database Savings Plans for one year, no "
            "upfront); rows keyed on usage type and operation, kept only where the file's "
            "on-demand rate equals AWS's pricing page\n[prices]\n")
    return head + "\n".join(sorted(set(rows))) + "\n"


def support_dates(data_dir):
    """End of standard and of Extended Support by engine and major version, from the
    endoflife.date excerpts (scraped from AWS's release calendars)."""
    text = open(os.path.join(data_dir, "extsupport-endoflife-date-rds-eoss-2026-08.md.txt")).read()
    rows = []
    for engine, part in (("postgres", "amazon-rds-postgresql.md"), ("mysql", "amazon-rds-mysql.md")):
        start = text.index("## products/" + part)
        end = text.find("## products/", start + 1)
        section = text[start:end if end != -1 else len(text)]
        for m in re.finditer(r'releaseCycle: "([0-9.]+)"\s+releaseDate: \S+\s+(?:eoas: \S+\s+)?'
                             r'eol: (\S+)\s+eoes: (\S+)', section):
            version, eol, eoes = m.groups()
            major = version.split(".")[0] if engine == "postgres" else ".".join(version.split(".")[:2])
            rows.append(f"{engine}\t{major}\t{eol}\t{eoes}\tendoflife-rds-2026-08-16")
    return ("# stackplan price catalog v1\n[sources]\n"
            "endoflife-rds-2026-08-16\tcitation\t2026-08-16\tRDS end of standard support and of "
            "Extended Support by major version, as scraped from AWS's release calendars "
            "(PostgreSQL: postgresql-release-calendar.html; MySQL: MySQL.Concepts.VersionMgmt.html) "
            "by endoflife-date/endoflife.date products/amazon-rds-postgresql.md and "
            "amazon-rds-mysql.md at a70eca337600e7d721dc48112c271f98661d208b (updated 2026-08-16)\n"
            "[prices]\n[support]\n" + "\n".join(sorted(set(rows))) + "\n")


def main():
    data_dir, stackplan = sys.argv[1], os.path.abspath(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = os.path.join(here, "pages")
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, old))
    # The snapshot's regions: those of the pricing-page files, which were copied for them.
    locations = set()
    for name in RAW:
        data = json.load(open(os.path.join(data_dir, name)))
        locations.update(data["regions"])
        doc = page(data["manifest"], data["regions"], provenance(data["_source"]))
        write(out_dir, name, doc, stackplan)
    for name in BUNDLED:
        data = json.load(open(os.path.join(data_dir, name)))
        for path, doc in from_bundle(data):
            doc["regions"] = {k: v for k, v in doc["regions"].items() if k in locations}
            write(out_dir, name.rsplit(".", 1)[0] + "--" + os.path.basename(path), doc, stackplan)
    for name, (service, page_name) in PROCESSED.items():
        data = json.load(open(os.path.join(data_dir, name)))
        write(out_dir, name, from_processed(data, service, page_name), stackplan)
    with open(os.path.join(here, "fargate-spot.tsv"), "w") as f:
        f.write(fargate_spot(data_dir, locations))
    with open(os.path.join(here, "rds-support.tsv"), "w") as f:
        f.write(support_dates(data_dir))
    with open(os.path.join(here, "database-savings-plans.tsv"), "w") as f:
        f.write(database_savings_plans(data_dir, stackplan, out_dir))


if __name__ == "__main__":
    main()
