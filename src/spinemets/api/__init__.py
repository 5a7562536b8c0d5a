"""The HTTP service: FastAPI app, routes, settings, token auth. FastAPI is imported only in this package."""
