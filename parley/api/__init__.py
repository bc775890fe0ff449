"""parley over HTTP: the FastAPI app (``create_app``) and the dashboard it serves (static/)."""
from .app import create_app

__all__ = ["create_app"]
