"""The HTTP API over a khabar store (FastAPI): ``create_app(db)``; run it with ``khabar serve``."""

from khabar.api.app import create_app

__all__ = ["create_app"]
