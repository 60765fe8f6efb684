"""The aushang HTTP service (FastAPI): ``POST /extract``, ``GET /health``, OpenAPI at /docs.

Run it with ``aushang serve`` or ``uvicorn service.app:create_app --factory``.
"""

from .app import create_app

__all__ = ["create_app"]
