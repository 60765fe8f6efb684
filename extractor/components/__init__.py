"""spaCy components of aushang, one file per matcher family.

Importing this package registers the factories with spaCy.
"""

from . import base, contacts, senter  # noqa: F401
from . import temporal  # noqa: F401,E402
from . import entities, venues  # noqa: F401,E402
