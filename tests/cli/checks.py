"""What the CLI test scripts share: checks that record a failure and go
on, so that one run reports every broken promise, and the closing line."""

failures = []


def check(condition, message):
    """Records `message` as a failure unless `condition` holds."""
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def finish(groups=None):
    """The closing line and the exit status."""
    prefix = f"{groups} groups, " if groups is not None else ""
    print(f"{prefix}{len(failures)} failures")
    return 1 if failures else 0
