"""``python -m nvao_equivalence`` runs the command line."""

import sys

from nvao_equivalence._cli.commands import main

sys.exit(main())
