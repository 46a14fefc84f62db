#!/usr/bin/env python3
"""Compares cfn-guard's structured results (standard input, `validate -z -o json`) with the
exceptions a rendered CloudFormation template records: a resource's
`Metadata: {stackplan: {exceptions: [{control: CT.X.PR.N, reason: ...}]}}`. Prints every
failed control of a resource that records no exception for it, and every exception without a
reason; exits 1 when there is any. Prints "N failed, M excepted" otherwise.
Usage: check.py TEMPLATE < results.json"""
import json
import re
import sys

CONTROL = r"CT\.[A-Z0-9]+\.PR\.\d+"


def recorded(template):
    """{resource: {control: reason}} from the template's text (the layout stackplan writes)."""
    exceptions = {}
    resource = None
    in_resources = False
    control = None
    for line in template.splitlines():
        if re.match(r"^[A-Za-z]", line):
            in_resources = line.startswith("Resources:")
            resource = None
            continue
        m = re.match(r"^  ([A-Za-z0-9]+):\s*$", line)
        if in_resources and m:
            resource = m.group(1)
            continue
        m = re.match(r"^\s+- control: (" + CONTROL + r")\s*$", line)
        if resource and m:
            control = m.group(1)
            exceptions.setdefault(resource, {})[control] = ""
            continue
        m = re.match(r'^\s+reason: "(.*)"\s*$', line)
        if resource and control and m:
            exceptions[resource][control] = m.group(1)
            control = None
    return exceptions


def main():
    exceptions = recorded(open(sys.argv[1], encoding="utf-8").read())
    problems = []
    failed = 0
    excepted = 0
    for result in json.load(sys.stdin):
        for rule in result.get("not_compliant", []):
            text = json.dumps(rule)
            controls = set(re.findall(r"\[(" + CONTROL + r")\]", text))
            resources = set(re.findall(r"/Resources/([A-Za-z0-9]+)", text)) or {"(template)"}
            for control in sorted(controls):
                for resource in sorted(resources):
                    failed += 1
                    if control in exceptions.get(resource, {}):
                        excepted += 1
                    else:
                        problems.append(f"{resource}: {control} fails and records no exception")
    for resource, controls in sorted(exceptions.items()):
        for control, reason in sorted(controls.items()):
            if not reason.strip():
                problems.append(f"{resource}: the exception of {control} gives no reason")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{failed} failed, {excepted} excepted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
