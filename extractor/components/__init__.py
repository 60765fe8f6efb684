"""spaCy components of aushang, one file per matcher family.

Importing this package registers the factories with spaCy.
"""

from . import base, contacts, senter  # noqa: F401
