"""Where the project's data lives: the ontology folder ships inside the source tree, beside kg/."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = Path(os.environ.get("KG_ONTOLOGY", ROOT / "ontology"))
