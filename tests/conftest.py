"""Shared test settings: a Hypothesis profile for CI (more examples, derandomised) and a quick local default."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=2000, derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
