"""Importing this module warms the process (``warm.warm_up``): the preload of the forkserver that a local cluster's
workers fork from. Nothing else imports it."""

import contextlib

from .warm import warm_up

# a forkserver whose preload raised would start no worker at all: a worker forked cold warms at the run's start instead
with contextlib.suppress(Exception):
    warm_up()
