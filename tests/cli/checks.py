"""What the CLI test scripts share: checks that record a failure and go
on, so that one run reports every broken promise, the closing line, and
running acct as a user whom permissions bind."""
import os

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


def as_nobody():
    """A preexec_fn that drops to nobody when running as root (root reads
    files whatever their mode), else None."""
    if os.geteuid() != 0:
        return None

    def drop():
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    return drop
